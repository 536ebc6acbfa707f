import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/shared/aggregates/suppression';
import type { SeenFigure } from '../../../src/shared/aggregates/seen';
import type { Figure } from '../../../src/shared/aggregates/table';
import type { District, Evidence, Summary, Trend } from '../../../src/shared/dashboard';
import type { Observation } from '../../../src/shared/observation';
import type { Round } from '../../../src/shared/rounds';
import { protocolPut, round, roundPut, visit, walkProtocol } from '../../support/dashboard-seed';
import { lookFor, observation, putMutation, TEST_SCHOOL_ID } from '../../support/factories';
import { RowSpace } from '../../support/row-space';
import { cookiesFor, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

/**
 * The adversarial test of docs/privacy.md ("How small groups are kept hidden"): it
 * asks the dashboard API every question a principal, a teacher and a district admin
 * can ask of seeded data full of small groups, checks each figure it shows is the
 * exact sum of what it covers, and then treats every figure as a linear equation
 * over the unknown counts of each cell (school, period, grade band, subject). No
 * small group, and no view the API hid, may be a combination of those equations.
 */

const dialects = await testDialects();
const T = 5;
const SCHOOL_A = TEST_SCHOOL_ID;
const SCHOOL_B = '10000000-0000-4000-8000-0000000000b3';
const principalId = '30000000-0000-4000-8000-0000000000c1';
const teacherId = '30000000-0000-4000-8000-0000000000c2';
const teacherBId = '30000000-0000-4000-8000-0000000000c3';

type Band = 'K-2' | '3-5' | '6-8';
interface Visit {
  index: number;
  school: string;
  round: 'fall' | 'winter' | null;
  day: string;
  band: Band;
  subject: string;
  answers: Observation['responses'];
  notes: string;
}

const groups: Array<[number, Omit<Visit, 'index' | 'answers' | 'notes'>]> = [
  [5, { school: SCHOOL_A, round: 'fall', day: '2026-10-05', band: 'K-2', subject: 'Reading' }],
  [6, { school: SCHOOL_A, round: 'fall', day: '2026-10-06', band: '3-5', subject: 'Math' }],
  [2, { school: SCHOOL_A, round: 'fall', day: '2026-10-07', band: '6-8', subject: 'Science' }],
  [1, { school: SCHOOL_A, round: 'fall', day: '2026-10-07', band: '6-8', subject: 'Math' }],
  [3, { school: SCHOOL_A, round: 'winter', day: '2026-12-07', band: 'K-2', subject: 'Reading' }],
  [7, { school: SCHOOL_A, round: 'winter', day: '2026-12-08', band: '3-5', subject: 'Math' }],
  [1, { school: SCHOOL_A, round: 'winter', day: '2026-12-08', band: '6-8', subject: 'Science' }],
  [1, { school: SCHOOL_A, round: null, day: '2026-09-15', band: 'K-2', subject: 'Reading' }],
  [4, { school: SCHOOL_A, round: null, day: '2026-11-10', band: '3-5', subject: 'Math' }],
  [2, { school: SCHOOL_A, round: null, day: '2026-11-12', band: 'K-2', subject: 'Reading' }],
  [6, { school: SCHOOL_B, round: null, day: '2026-10-20', band: 'K-2', subject: 'Reading' }],
  [2, { school: SCHOOL_B, round: null, day: '2026-10-21', band: '3-5', subject: 'Math' }],
];

function answersOf(i: number, v: Omit<Visit, 'index' | 'answers' | 'notes'>) {
  const answers: Observation['responses'] = {
    'checks-understanding':
      v.subject === 'Reading' && i % 4 === 0 ? 'na' : i % 3 === 0 ? 'not_seen' : 'seen',
    // Rests on few rooms: N/A wherever Reading is taught.
    'peer-talk': v.subject === 'Reading' ? 'na' : i % 2 === 0 ? 'seen' : 'not_seen',
  };
  if (v.subject === 'Math') answers['wait-time'] = { level: ['short', 'medium', 'long'][i % 3]! };
  if (v.band === '3-5') answers['questions-asked'] = { count: i % 7 };
  if (v.subject === 'Science' || i % 5 === 0) answers['student-voice'] = { quote: `Quote ${i}` };
  return answers;
}

const visits: Visit[] = groups.flatMap(([count, v], g) =>
  Array.from({ length: count }, (_, k) => {
    const index = g * 10 + k;
    return { ...v, index, answers: answersOf(index, v), notes: `Note ${index}` };
  }),
);

/** The walk protocol with a second seen look-for, tagged, in its second section. */
const protocol = (() => {
  const p = walkProtocol();
  const [teacher, students] = p.sections;
  const peerTalk = lookFor({ id: 'peer-talk', text: 'Students talk to a peer', tags: ['Talk'] });
  return {
    ...p,
    sections: [teacher!, { ...students!, lookFors: [peerTalk, ...students!.lookFors] }],
  };
})();
const kinds = new Map(
  protocol.sections.flatMap((s) => s.lookFors.map((l) => [l.id, l.response.kind] as const)),
);

const bands: Array<Band | undefined> = [undefined, 'K-2', '3-5', '6-8'];
const subjects = [undefined, 'Reading', 'Math', 'Science'];
const froms = ['2026-09-01', '2026-10-01', '2026-10-20', '2026-11-01', '2026-12-01'];
const tos = ['2026-09-30', '2026-10-31', '2026-11-15', '2026-12-31'];
const ranges = froms.flatMap((from) => tos.filter((to) => from <= to).map((to) => ({ from, to })));
/** School B has visits in October only: a few ranges around it say all there is. */
const rangesB = ranges.filter((r) => r.from <= '2026-10-20' && r.to <= '2026-11-15');

describe.each(dialects)('no figure about a small group can be worked out, on %s', (dialect) => {
  let server: TestServer;
  const rounds: Record<'fall' | 'winter', Round> = {
    fall: round({ startsOn: '2026-10-05', endsOn: '2026-10-09' }),
    winter: round({ name: 'Winter sweep', startsOn: '2026-12-07', endsOn: '2026-12-11' }),
  };
  const as = {} as Record<'principal' | 'teacher' | 'teacherB' | 'admin', string>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.db.db;
    Object.assign(
      as,
      await cookiesFor(db, {
        principal: [principalId, SCHOOL_A, 'principal'],
        teacher: [teacherId, SCHOOL_A, 'teacher'],
        teacherB: [teacherBId, SCHOOL_B, 'teacher'],
      }),
    );
    as.admin = await server.cookie();
    const client = crypto.randomUUID();
    const rooms = { fall: 0, winter: 0 };
    const mutations = [
      protocolPut(client, protocol),
      roundPut(client, rounds.fall),
      roundPut(client, rounds.winter),
      ...visits.map((v) => {
        const fields = {
          schoolId: v.school,
          gradeBand: v.band,
          subject: v.subject,
          responses: v.answers,
          notes: v.notes,
          startedAt: `${v.day}T09:00:00.000Z`,
          endedAt: `${v.day}T09:05:00.000Z`,
        };
        const record = v.round
          ? visit(rounds[v.round], (rooms[v.round] += 1), fields)
          : observation({
              ...fields,
              protocolId: protocol.id,
              protocolVersion: protocol.version,
              status: 'complete',
            });
        return putMutation(client, record);
      }),
    ];
    const { results } = await server.push(client, mutations);
    expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
  });
  afterAll(async () => {
    await server.db.dispose();
  });

  // ---- the truth, from the seed ----
  const periodOf = (v: Visit) => (v.round ? `r:${rounds[v.round].id}` : `m:${v.day.slice(0, 7)}`);
  const cellOf = (v: Visit) => [v.school, periodOf(v), v.band, v.subject].join('|');
  const cells = () => [...new Set(visits.map(cellOf))].sort();
  const answered = (v: Visit, l: string) => v.answers[l] !== undefined;
  const restsOn = (v: Visit, l: string) => answered(v, l) && v.answers[l] !== 'na';

  // Coordinates: one per cell for visits. For answers, two adversaries: one to whom
  // every count of a look-for in a cell is unknown (coordinates where some room
  // answered it), and a stronger one granted every N/A count as known (coordinates
  // where some room answered it other than N/A).
  type Model = 'unknownNa' | 'knownNa';
  const visitIndex = new Map(cells().map((c, i) => [c, i]));
  const answerIndex: Record<Model, Map<string, number>> = {
    unknownNa: new Map(),
    knownNa: new Map(),
  };
  for (const v of visits) {
    for (const l of kinds.keys()) {
      const key = `${l}|${cellOf(v)}`;
      const unknown = answerIndex.unknownNa;
      const known = answerIndex.knownNa;
      if (answered(v, l) && !unknown.has(key)) unknown.set(key, unknown.size);
      if (restsOn(v, l) && !known.has(key)) known.set(key, known.size);
    }
  }
  const visitVector = (covered: readonly Visit[]) => {
    const v = Array<number>(visitIndex.size).fill(0);
    for (const c of covered) v[visitIndex.get(cellOf(c))!] = 1;
    return v;
  };
  const answerVector = (model: Model, lookForIds: readonly string[], covered: readonly Visit[]) => {
    const index = answerIndex[model];
    const v = Array<number>(index.size).fill(0);
    for (const c of covered) {
      for (const l of lookForIds) {
        const i = index.get(`${l}|${cellOf(c)}`);
        if (i !== undefined) v[i] = 1;
      }
    }
    return v;
  };
  const isZero = (v: number[]) => v.every((x) => x === 0);

  /** Which visits a question covers, by the documented rule (whole months, whole rounds). */
  function covered(q: {
    school: string;
    roundId?: string;
    range?: { from: string; to: string };
    band?: string | undefined;
    subject?: string | undefined;
  }) {
    const from = q.range ? `${q.range.from.slice(0, 7)}-01` : '';
    const to = q.range ? `${q.range.to.slice(0, 7)}-31` : '';
    return visits.filter((v) => {
      if (v.school !== q.school) return false;
      if (q.band && v.band !== q.band) return false;
      if (q.subject && v.subject !== q.subject) return false;
      if (q.roundId) return v.round !== null && rounds[v.round].id === q.roundId;
      const start = v.round ? rounds[v.round].startsOn : v.day;
      return start >= from && start <= to;
    });
  }

  // ---- what the adversary gathers ----
  const shown = {
    visits: new RowSpace(visitIndex.size),
    unknownNa: new RowSpace(answerIndex.unknownNa.size),
    knownNa: new RowSpace(answerIndex.knownNa.size),
  };
  const showAnswers = (lookForIds: readonly string[], c: readonly Visit[]) => {
    shown.unknownNa.add(answerVector('unknownNa', lookForIds, c));
    shown.knownNa.add(answerVector('knownNa', lookForIds, c));
  };
  const hiddenViews: Array<{ space: 'visits' | 'unknownNa'; vector: number[]; what: string }> = [];
  let figuresShown = 0;
  let figuresHidden = 0;

  const count = (covered: readonly Visit[], l: string, value: string) =>
    covered.filter((v) => v.answers[l] === value).length;

  function checkSeen(figure: SeenFigure, l: string, c: readonly Visit[]) {
    expect(figure).toMatchObject({
      seen: count(c, l, 'seen'),
      notSeen: count(c, l, 'not_seen'),
      na: count(c, l, 'na'),
    });
  }

  function takeLookFor(cell: Cell<Figure>, l: string, c: readonly Visit[], what: string) {
    if (cell.suppressed) {
      figuresHidden += 1;
      const vector = answerVector('unknownNa', [l], c);
      if (!isZero(vector)) hiddenViews.push({ space: 'unknownNa', vector, what });
      return;
    }
    figuresShown += 1;
    const answering = c.filter((v) => answered(v, l));
    expect(cell.classrooms, what).toBe(answering.length);
    if (cell.kind === 'seen') checkSeen(cell, l, c);
    if (cell.kind === 'tally') {
      const counts = answering.map((v) => (v.answers[l] as { count: number }).count);
      const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
      expect(cell.mean, what).toBeCloseTo(mean, 1);
    }
    if (cell.kind === 'scale') {
      for (const level of cell.levels) {
        const n = answering.filter(
          (v) => (v.answers[l] as { level: string }).level === level.levelId,
        ).length;
        expect(level.count, what).toBe(n);
      }
    }
    showAnswers([l], c);
  }

  function takeVisits(cell: Cell<{ count: number }>, c: readonly Visit[], what: string) {
    if (cell.suppressed) {
      figuresHidden += 1;
      if (c.length > 0) hiddenViews.push({ space: 'visits', vector: visitVector(c), what });
      return;
    }
    figuresShown += 1;
    expect(cell.count, what).toBe(c.length);
    shown.visits.add(visitVector(c));
  }

  function takeSummary(
    s: Summary,
    c: readonly Visit[],
    heat: 'gradeBand' | 'subject',
    what: string,
  ) {
    takeVisits(s.classrooms, c, `${what} classrooms`);
    for (const row of s.lookFors)
      takeLookFor(row.figure, row.lookForId, c, `${what} ${row.lookForId}`);
    for (const group of s.groups) {
      if (group.figure.suppressed) continue;
      const ids = protocol.sections
        .flatMap((sec) => sec.lookFors)
        .filter((l) =>
          group.kind === 'section'
            ? protocol.sections.find((sec) => sec.id === group.id)?.lookFors.includes(l)
            : l.tags.includes(group.id),
        )
        .filter((l) => l.response.kind === 'seen')
        .map((l) => l.id);
      const pooled = (value: string) => ids.reduce((sum, l) => sum + count(c, l, value), 0);
      expect(group.figure, `${what} group ${group.id}`).toMatchObject({
        seen: pooled('seen'),
        notSeen: pooled('not_seen'),
        na: pooled('na'),
      });
      showAnswers(ids, c);
    }
    s.heatMap.columns.forEach((column, i) => {
      const inColumn = c.filter((v) => (heat === 'gradeBand' ? v.band : v.subject) === column);
      for (const row of s.heatMap.rows) {
        takeLookFor(
          row.cells[i]!,
          row.lookForId,
          inColumn,
          `${what} heat ${column} ${row.lookForId}`,
        );
      }
    });
  }

  const get = async <T>(path: string, cookie: string) => {
    const res = await server.app.request(path, { headers: { cookie } });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
    return (await res.json()) as T;
  };
  const filterQuery = (band?: string, subject?: string) =>
    `${band ? `&gradeBand=${band}` : ''}${subject ? `&subject=${subject}` : ''}`;

  it('asks every question a principal, a teacher and a district admin can ask, and shows exact sums', async () => {
    const scopes = [
      ...(['fall', 'winter'] as const).map((r) => ({
        query: `roundId=${rounds[r].id}`,
        cover: { school: SCHOOL_A, roundId: rounds[r].id },
        leader: as.principal,
        staff: as.teacher,
      })),
      ...ranges.map((range) => ({
        query: `schoolId=${SCHOOL_A}&protocolId=${protocol.id}&from=${range.from}&to=${range.to}`,
        cover: { school: SCHOOL_A, range },
        leader: as.principal,
        staff: as.teacher,
      })),
      ...rangesB.map((range) => ({
        query: `schoolId=${SCHOOL_B}&protocolId=${protocol.id}&from=${range.from}&to=${range.to}`,
        cover: { school: SCHOOL_B, range },
        leader: as.admin,
        staff: as.teacherB,
      })),
    ];
    for (const scope of scopes) {
      for (const band of bands) {
        for (const subject of subjects) {
          const c = covered({ ...scope.cover, band, subject });
          const filters = filterQuery(band, subject);
          let bySummary!: Summary;
          for (const heat of ['gradeBand', 'subject'] as const) {
            const path = `/api/dashboard/summary?${scope.query}${filters}&heat=${heat}`;
            const s = await get<Summary>(path, scope.leader);
            takeSummary(s, c, heat, path);
            bySummary = s;
            if (!band && !subject) {
              // A teacher (results shared with staff) gets the very same figures.
              expect(await get<Summary>(path, scope.staff)).toEqual(s);
            }
          }
          const evidence = await get<Evidence>(
            `/api/dashboard/evidence?${scope.query}${filters}`,
            scope.leader,
          );
          if (evidence.suppressed) {
            if (c.length > 0) {
              hiddenViews.push({ space: 'visits', vector: visitVector(c), what: 'evidence' });
            }
          } else {
            expect(evidence.notes).toEqual(
              c.map((v) => v.notes).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
            );
            shown.visits.add(visitVector(c));
            for (const list of evidence.quotes) showAnswers([list.lookForId], c);
          }
          const csv = await server.app.request(
            `/api/dashboard/summary.csv?${scope.query}${filters}`,
            { headers: { cookie: scope.leader } },
          );
          const rows = Papa.parse<Record<string, string>>(await csv.text(), { header: true }).data;
          for (const row of bySummary.lookFors) {
            const line = rows.find((r) => r['Look-for id'] === row.lookForId)!;
            if (row.figure.suppressed) expect(line.Classrooms).toMatch(/^suppressed/);
            else expect(line.Classrooms).toBe(String(row.figure.classrooms));
          }
        }
      }
    }
    for (const band of bands) {
      for (const subject of subjects) {
        const filters = filterQuery(band, subject);
        for (const school of [SCHOOL_A, SCHOOL_B]) {
          const trend = await get<Trend>(
            `/api/dashboard/trend?schoolId=${school}&protocolId=${protocol.id}${filters}`,
            school === SCHOOL_A ? as.principal : as.teacherB,
          );
          for (const line of trend.lines) {
            for (const point of line.points) {
              if ('absent' in point.cell) continue;
              const c = covered({ school, roundId: point.roundId, band, subject });
              takeLookFor(
                point.cell,
                line.lookForId,
                c,
                `trend ${point.roundId} ${line.lookForId}`,
              );
            }
          }
        }
        for (const range of rangesB) {
          const d = await get<District>(
            `/api/dashboard/district?protocolId=${protocol.id}&from=${range.from}&to=${range.to}${filters}`,
            as.admin,
          );
          d.schools.forEach((school, i) => {
            const c = covered({ school: school.id, range, band, subject });
            takeVisits(school.classrooms, c, `district ${school.id}`);
            for (const row of d.heatMap.rows) {
              takeLookFor(
                row.cells[i]!,
                row.lookForId,
                c,
                `district ${school.id} ${row.lookForId}`,
              );
            }
          });
        }
      }
    }
    // The test has teeth: plenty is shown, and plenty was hidden.
    expect(figuresShown).toBeGreaterThan(200);
    expect(figuresHidden).toBeGreaterThan(500);
    expect(shown.visits.rank).toBeGreaterThan(3);
    expect(shown.unknownNa.rank).toBeGreaterThan(10);
  }, 300_000);

  it('leaves no small group, and no hidden view, to be worked out from all those answers', () => {
    const leaks: string[] = [];
    const all = cells();
    const byVisits = new Map(all.map((c) => [c, visits.filter((v) => cellOf(v) === c)]));
    // Every group of up to three cells of one school resting on 1 to T-1 rooms.
    const subsets: string[][] = [];
    for (let i = 0; i < all.length; i++) {
      subsets.push([all[i]!]);
      for (let j = i + 1; j < all.length; j++) {
        subsets.push([all[i]!, all[j]!]);
        for (let k = j + 1; k < all.length; k++) subsets.push([all[i]!, all[j]!, all[k]!]);
      }
    }
    let checked = 0;
    for (const subset of subsets) {
      if (new Set(subset.map((c) => c.split('|')[0])).size > 1) continue;
      const members = subset.flatMap((c) => byVisits.get(c)!);
      if (members.length > 0 && members.length < T) {
        checked += 1;
        if (shown.visits.contains(visitVector(members)))
          leaks.push(`visits of ${subset.join(' + ')}`);
      }
      for (const l of kinds.keys()) {
        const resting = members.filter((v) => restsOn(v, l)).length;
        if (!members.some((v) => answered(v, l)) || resting >= T) continue;
        for (const model of ['unknownNa', 'knownNa'] as const) {
          const vector = answerVector(model, [l], members);
          if (isZero(vector)) continue;
          checked += 1;
          if (shown[model].contains(vector)) {
            leaks.push(`${l} in ${subset.join(' + ')} (${resting} rooms, ${model})`);
          }
        }
      }
    }
    for (const view of hiddenViews) {
      checked += 1;
      if (shown[view.space].contains(view.vector)) leaks.push(`hidden view ${view.what}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  });
});

describe('the row space the adversarial test relies on', () => {
  it('finds the small band a subtraction gives away, and nothing a sum of blocks hides', () => {
    // Cells: K-2 (2 rooms), 3-5 (6 rooms), 6-8 (6 rooms).
    const space = new RowSpace(3);
    space.add([1, 1, 1]); // the whole round
    space.add([0, 1, 0]); // 3-5 alone
    expect(space.contains([1, 0, 1])).toBe(true); // K-2 + 6-8 by subtraction
    expect(space.contains([1, 0, 0])).toBe(false); // K-2 alone stays hidden
    space.add([0, 0, 1]); // showing 6-8 too would give K-2 away
    expect(space.contains([1, 0, 0])).toBe(true);
  });
});
