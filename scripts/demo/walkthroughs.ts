import { blastEmpoweredLearning } from '../../src/shared/builtin-protocols';
import type { Observation } from '../../src/shared/observation';
import { protocolKey, type Protocol } from '../../src/shared/protocol';
import { publish } from '../../src/shared/protocol-rules';
import type { Round, RoundRoom } from '../../src/shared/rounds';
import type { SeededDistrict, SeededPerson } from './accounts';
import { seededUuid, type Random } from './random';
import { answersFor, roomNotes } from './responses';
import type { Change, DemoWriter } from './writer';

type Band = Observation['gradeBand'];
const subjects: Record<string, readonly string[]> = {
  PreK: ['Play-based learning', 'Early literacy'],
  'K-2': ['Reading', 'Math', 'Writing', 'Science'],
  '3-5': ['Reading', 'Math', 'Writing', 'Science', 'Social Studies'],
  '6-8': ['English', 'Math', 'Science', 'Social Studies', 'Art'],
};

/** Lincoln's rooms: PreK and K-2 downstairs, 3-5 upstairs; specials in the mix. */
function lincolnRooms(random: Random): Array<Omit<RoundRoom, 'assignedTo'>> {
  const rooms: Array<Omit<RoundRoom, 'assignedTo'>> = [];
  const add = (count: number, band: Band, first: number) => {
    for (let i = 0; i < count; i += 1) {
      const room = String(first + i);
      rooms.push({
        id: `room-${room}`,
        room,
        gradeBand: band,
        subject: random.pick(subjects[band]!),
      });
    }
  };
  add(4, 'PreK', 101);
  add(22, 'K-2', 110);
  add(24, '3-5', 201);
  return rooms;
}

const day = (date: string, minutes: number) =>
  new Date(Date.parse(`${date}T08:00:00.000Z`) + minutes * 60_000);

interface RoundPlan {
  name: string;
  dates: readonly string[];
  team: SeededPerson[];
  rooms: Array<Omit<RoundRoom, 'assignedTo'>>;
  /** How much more often each practice is seen than in the fall. */
  shift: number;
}

/**
 * A Blast Walkthrough round at Lincoln, planned by the coach, walked by the team
 * (every member visits every room once, over the round's days), closed by the
 * principal. Observations name the room, never the teacher.
 */
async function walkRound(
  writer: DemoWriter,
  random: Random,
  district: SeededDistrict,
  plan: RoundPlan,
): Promise<number> {
  const school = district.schools.lincoln;
  const coach = district.people['coach.lincoln']!;
  const principal = district.people['principal.lincoln']!;
  const protocol = blastEmpoweredLearning;
  const round: Round = {
    id: seededUuid(random),
    schoolId: school.id,
    name: plan.name,
    purpose:
      'A building-wide look at empowered learning: where do students explain, choose and give each other feedback?',
    protocolId: protocol.id,
    protocolVersion: protocol.version,
    startsOn: plan.dates[0]!,
    endsOn: plan.dates.at(-1)!,
    targetMinutes: 5,
    team: plan.team.map((p) => ({ userId: p.id, name: p.name })),
    rooms: plan.rooms.map((r) => ({ ...r, assignedTo: null })),
    status: 'planned',
    createdBy: coach.id,
    updatedAt: day(plan.dates[0]!, -60 * 24 * 7).toISOString(),
  };
  await writer.write(
    coach,
    [{ entity: 'round', entityId: round.id, data: round }],
    day(plan.dates[0]!, -60 * 24 * 7),
  );

  let count = 0;
  for (const [m, member] of plan.team.entries()) {
    const visits: Change[] = plan.rooms.map((room, r) => {
      const date = plan.dates[(r + m) % plan.dates.length]!;
      const start = day(date, 30 + ((r * 7 + m * 13) % 360));
      const observation: Observation = {
        id: seededUuid(random),
        protocolId: protocol.id,
        protocolVersion: protocol.version,
        observerId: member.id,
        schoolId: school.id,
        school: school.name,
        room: room.room,
        gradeBand: room.gradeBand,
        subject: room.subject,
        observer: member.name,
        roundId: round.id,
        roomId: room.id,
        startedAt: start.toISOString(),
        endedAt: new Date(start.getTime() + random.int(3, 7) * 60_000).toISOString(),
        responses: answersFor(protocol, plan.shift, random),
        notes: random.pick(roomNotes),
        status: 'complete',
      };
      return { entity: 'observation', entityId: observation.id, data: observation };
    });
    await writer.write(member, visits, day(plan.dates.at(-1)!, 600));
    count += visits.length;
  }
  const closedAt = day(plan.dates.at(-1)!, 660);
  await writer.write(
    principal,
    [
      {
        entity: 'round',
        entityId: round.id,
        data: { ...round, status: 'closed', updatedAt: closedAt.toISOString() },
      },
    ],
    closedAt,
  );
  return count;
}

/** Roosevelt's own look-fors for math discourse, published by its coach. */
export function rooseveltMathTalk(schoolId: string, at: Date): Protocol {
  const seen = { kind: 'seen' } as const;
  return {
    id: 'roosevelt-math-talk',
    version: 1,
    status: 'draft',
    name: 'Roosevelt math talk',
    purpose: 'Our building focus this year: students reasoning aloud about mathematics.',
    kind: 'blast_walkthrough',
    schoolId,
    sections: [
      {
        id: 'students-doing',
        title: 'Students doing',
        focus: 'students',
        lookFors: [
          {
            id: 'explain-reasoning',
            text: 'Students explain how they solved a problem',
            tags: ['Intellectually Curious'],
            response: seen,
          },
          {
            id: 'critique-reasoning',
            text: 'Students respond to a classmate’s reasoning',
            tags: ['Collaborative'],
            response: seen,
          },
          {
            id: 'multiple-strategies',
            text: 'More than one strategy is shared',
            tags: [],
            response: seen,
          },
        ],
      },
      {
        id: 'task',
        title: 'The task',
        focus: 'general',
        lookFors: [
          {
            id: 'task-level',
            text: 'Level of the task students are working on',
            tags: [],
            response: {
              kind: 'scale',
              levels: [
                { id: 'recall', label: 'Recall' },
                { id: 'apply', label: 'Apply' },
                { id: 'reason', label: 'Reason' },
              ],
            },
          },
        ],
      },
    ],
    publishedAt: null,
    updatedAt: at.toISOString(),
  };
}

/** The school-owned protocol, published, and a dozen Roosevelt visits that use it. */
async function rooseveltWalks(writer: DemoWriter, random: Random, district: SeededDistrict) {
  const school = district.schools.roosevelt;
  const coach = district.people['coach.roosevelt']!;
  const drafted = new Date('2026-10-20T15:00:00.000Z');
  const draft = rooseveltMathTalk(school.id, drafted);
  const key = protocolKey(draft.id, draft.version);
  await writer.write(coach, [{ entity: 'protocol', entityId: key, data: draft }], drafted);
  const publishedAt = new Date('2026-10-22T15:00:00.000Z');
  const published = publish(draft, publishedAt);
  await writer.write(coach, [{ entity: 'protocol', entityId: key, data: published }], publishedAt);

  const visits: Change[] = Array.from({ length: 12 }, (_, i) => {
    const start = new Date(Date.parse('2026-11-04T13:00:00.000Z') + i * 25 * 60_000);
    const observation: Observation = {
      id: seededUuid(random),
      protocolId: published.id,
      protocolVersion: published.version,
      observerId: coach.id,
      schoolId: school.id,
      school: school.name,
      room: String(301 + i),
      gradeBand: '6-8',
      subject: i % 3 === 0 ? 'Science' : 'Math',
      observer: coach.name,
      startedAt: start.toISOString(),
      endedAt: new Date(start.getTime() + 6 * 60_000).toISOString(),
      responses: answersFor(published, 0, random),
      notes: random.pick(roomNotes),
      status: 'complete',
    };
    return { entity: 'observation', entityId: observation.id, data: observation };
  });
  await writer.write(coach, visits, new Date('2026-11-04T20:00:00.000Z'));
  return visits.length;
}

/** Both Lincoln rounds (fall, then winter, so trends show) and Roosevelt's own walks. */
export async function seedWalkthroughs(
  writer: DemoWriter,
  random: Random,
  district: SeededDistrict,
) {
  const p = district.people;
  const rooms = lincolnRooms(random);
  const fall = await walkRound(writer, random, district, {
    name: 'Fall Blast Walkthrough',
    dates: ['2026-10-06', '2026-10-07'],
    team: [p['principal.lincoln']!, p['coach.lincoln']!],
    rooms: rooms.slice(0, 40),
    shift: -0.12,
  });
  const winter = await walkRound(writer, random, district, {
    name: 'Winter Blast Walkthrough',
    dates: ['2026-11-17', '2026-11-18', '2026-11-19'],
    team: [
      p['principal.lincoln']!,
      p['coach.lincoln']!,
      p['teacher1.lincoln']!,
      p['teacher2.lincoln']!,
    ],
    rooms,
    shift: 0,
  });
  const roosevelt = await rooseveltWalks(writer, random, district);
  return { fall, winter, roosevelt, total: fall + winter + roosevelt };
}
