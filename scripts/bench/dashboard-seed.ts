// Seeds a fresh, migrated database for the dashboard benchmark with bulk inserts
// straight into the tables (no HTTP): schools, a 20-look-for walk protocol, 40 rounds
// per school, their observations, and the dashboard's facts. The rows go to a sink:
// SQLite (one transaction, prepared statements) or PostgreSQL (multi-row inserts).
import type { Observation } from '../../src/shared/observation';
import type { LookFor, Protocol } from '../../src/shared/protocol';
import type { Round } from '../../src/shared/rounds';
import type { SeedSink } from './seed-sinks';

export const SCHOOLS = 20;
export const ROUNDS_PER_SCHOOL = 40;
/** 50,000 observations of 20 look-fors: 1,000,000 responses. */
export const OBSERVATIONS = 50_000;
export const PROTOCOL_ID = 'bench-walk';
export const OBSERVER_ID = '00000000-0000-4000-8000-0000000000be';

const bands = ['K-2', '3-5', '6-8', '9-12'] as const;
const subjects = ['Math', 'Reading', 'Science', 'Social Studies', 'Art', 'PE'];
const uuid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const schoolId = (s: number) => uuid(0x5c000000, s);
export const roundId = (s: number, r: number) => uuid(0x7d000000, s * 1000 + r);

function lookFors(): LookFor[] {
  const seen: LookFor[] = Array.from({ length: 16 }, (_, i) => ({
    id: `look-${i + 1}`,
    text: `Students show practice ${i + 1}`,
    tags: [['Collaborative', 'Empowered', 'Creative Thinker', 'Equitable'][i % 4]!],
    response: { kind: 'seen' },
  }));
  const levels = [
    { id: 'few', label: 'A few' },
    { id: 'some', label: 'Some' },
    { id: 'most', label: 'Most' },
  ];
  return [
    ...seen,
    {
      id: 'engagement',
      text: 'How many students are engaged',
      tags: [],
      response: { kind: 'scale', levels },
    },
    { id: 'talk', text: 'How many students talk', tags: [], response: { kind: 'scale', levels } },
    { id: 'questions', text: 'Student questions', tags: [], response: { kind: 'tally' } },
    { id: 'voice', text: 'What a student says', tags: [], response: { kind: 'quote' } },
  ];
}

export const benchProtocol: Protocol = {
  id: PROTOCOL_ID,
  version: 1,
  status: 'published',
  name: 'Bench walk',
  purpose: '',
  kind: 'blast_walkthrough',
  publishedAt: '2026-08-01T00:00:00.000Z',
  updatedAt: '2026-08-01T00:00:00.000Z',
  sections: [
    { id: 'env', title: 'Environment', focus: 'general', lookFors: lookFors().slice(0, 8) },
    { id: 'students', title: 'Students doing', focus: 'students', lookFors: lookFors().slice(8) },
  ],
};

const day = (offset: number) =>
  new Date(Date.UTC(2026, 7, 24) + offset * 86_400_000).toISOString().slice(0, 10);

export async function seed(
  sink: SeedSink,
  observations = OBSERVATIONS,
): Promise<{ responses: number }> {
  const now = '2026-08-01T00:00:00.000Z';
  let seq = 0;
  const record = (
    entity: string,
    id: string,
    data: unknown,
    owner: string | null,
    school: string | null,
    audience: string,
  ) =>
    sink.insert('records', [
      entity,
      id,
      1,
      0,
      JSON.stringify(data),
      ++seq,
      now,
      'bench',
      owner,
      school,
      audience,
      null,
    ]);
  let responses = 0;
  let random = 42;
  const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
  await sink.insert('users', [OBSERVER_ID, 'bench@lookfor.test', 'Bench', 'x', 1, now]);
  await record('protocol', `${PROTOCOL_ID}.v1`, benchProtocol, null, null, 'all');
  for (let s = 0; s < SCHOOLS; s++) {
    await sink.insert('schools', [schoolId(s), `School ${s + 1}`, now]);
    for (let r = 0; r < ROUNDS_PER_SCHOOL; r++) {
      const round: Round = {
        id: roundId(s, r),
        schoolId: schoolId(s),
        name: `Week ${r + 1}`,
        purpose: '',
        protocolId: PROTOCOL_ID,
        protocolVersion: 1,
        startsOn: day(r * 7),
        endsOn: day(r * 7 + 2),
        targetMinutes: 5,
        team: [],
        rooms: [],
        status: 'closed',
        createdBy: OBSERVER_ID,
        updatedAt: now,
      };
      await record('round', round.id, round, OBSERVER_ID, round.schoolId, 'school');
    }
  }
  const all = lookFors();
  for (let i = 0; i < observations; i++) {
    const s = i % SCHOOLS;
    const r = Math.floor(i / SCHOOLS) % ROUNDS_PER_SCHOOL;
    const id = crypto.randomUUID();
    const band = bands[Math.floor(next() * bands.length)]!;
    const subject = subjects[Math.floor(next() * subjects.length)]!;
    const on = day(r * 7 + (i % 3));
    const answers: Observation['responses'] = {};
    for (const l of all) {
      const x = next();
      if (l.response.kind === 'seen')
        answers[l.id] = x < 0.55 ? 'seen' : x < 0.9 ? 'not_seen' : 'na';
      else if (l.response.kind === 'scale')
        answers[l.id] = { level: x < 0.3 ? 'few' : x < 0.7 ? 'some' : 'most' };
      else if (l.response.kind === 'tally') answers[l.id] = { count: Math.floor(x * 12) };
      else answers[l.id] = { quote: `We are learning ${Math.floor(x * 50)}` };
    }
    const o: Observation = {
      id,
      protocolId: PROTOCOL_ID,
      protocolVersion: 1,
      observerId: OBSERVER_ID,
      schoolId: schoolId(s),
      school: `School ${s + 1}`,
      room: `Room ${i % 60}`,
      gradeBand: band,
      subject,
      observer: 'Bench',
      roundId: roundId(s, r),
      roomId: `r${i % 60}`,
      startedAt: `${on}T09:00:00.000Z`,
      endedAt: `${on}T09:05:00.000Z`,
      responses: answers,
      notes: i % 4 === 0 ? `Students compared strategies at table ${i % 7}.` : '',
      status: 'complete',
    };
    await record('observation', id, o, OBSERVER_ID, o.schoolId, 'owner');
    await sink.insert('observation_visits', [
      id,
      o.schoolId,
      o.roundId!,
      PROTOCOL_ID,
      1,
      band,
      subject,
      on,
      o.notes,
    ]);
    for (const l of all) {
      const a = answers[l.id]!;
      const base = [id, l.id, o.schoolId, o.roundId!, PROTOCOL_ID, 1, band, subject, on];
      if (typeof a === 'string')
        await sink.insert('observation_facts', [
          ...base,
          a,
          a === 'seen' ? 1 : 0,
          a === 'not_seen' ? 1 : 0,
          a === 'na' ? 1 : 0,
          null,
          null,
          0,
          null,
        ]);
      else if ('level' in a)
        await sink.insert('observation_facts', [...base, 'level', 0, 0, 0, a.level, null, 0, null]);
      else if ('count' in a)
        await sink.insert('observation_facts', [...base, 'count', 0, 0, 0, null, a.count, 0, null]);
      else if ('quote' in a)
        await sink.insert('observation_facts', [...base, 'quote', 0, 0, 0, null, null, 1, a.quote]);
      responses += 1;
    }
  }
  await sink.finish([
    `update counters set value = ${seq} where name = 'server_seq'`,
    // The day totals the push keeps, built here in one statement.
    `insert into observation_fact_totals
      select school_id, protocol_id, coalesce(round_id, ''), observed_on, look_for_id, sum(seen), sum(not_seen), sum(na)
      from observation_facts where answer in ('seen', 'not_seen', 'na')
      group by school_id, protocol_id, coalesce(round_id, ''), observed_on, look_for_id`,
  ]);
  return { responses };
}
