import { describe, expect, it } from 'vitest';
import { parseRoomCsv, gradeBandOf } from '../../src/shared/round-csv';
import {
  countProgress,
  nextRoom,
  queueVisits,
  roomIdFor,
  roomLabel,
  roomQueue,
  splitRooms,
  visitTimer,
} from '../../src/shared/round-rules';
import type { RoundRoom, TeamMember } from '../../src/shared/rounds';

const ana = '00000000-0000-4000-8000-00000000000a';
const ben = '00000000-0000-4000-8000-00000000000b';
const cy = '00000000-0000-4000-8000-00000000000c';
const team: TeamMember[] = [
  { userId: ana, name: 'Ana' },
  { userId: ben, name: 'Ben' },
  { userId: cy, name: 'Cy' },
];
const room = (n: number, assignedTo: string | null = null): RoundRoom => ({
  id: `room-${n}`,
  room: String(n),
  gradeBand: '3-5',
  subject: 'Math',
  assignedTo,
});
const rooms = (count: number, assign: (i: number) => string | null = () => null) =>
  Array.from({ length: count }, (_, i) => room(101 + i, assign(i)));
const owners = (list: RoundRoom[]) => list.map((r) => r.assignedTo);

describe('round progress', () => {
  const plan = { rooms: [room(101, ana), room(102, ana), room(103, ben), room(104)] };

  it('counts my rooms visited out of my rooms, and the team’s out of every room', () => {
    expect(countProgress(plan, ['room-101', 'room-103'], ana)).toEqual({
      team: { visited: 2, total: 4 },
      mine: { visited: 1, total: 2 },
    });
  });

  it('counts a room visited twice once', () => {
    expect(countProgress(plan, ['room-101', 'room-101'], ana).team).toEqual({
      visited: 1,
      total: 4,
    });
  });

  it('ignores visits to rooms dropped from the plan', () => {
    expect(countProgress(plan, ['room-999', 'room-104'], ana).team).toEqual({
      visited: 1,
      total: 4,
    });
  });

  it('counts nothing of mine when no room is assigned to me', () => {
    expect(countProgress(plan, ['room-104'], cy).mine).toEqual({ visited: 0, total: 0 });
  });

  it('counts a visit by a teammate to my room as visited', () => {
    expect(countProgress(plan, ['room-102'], ana).mine).toEqual({ visited: 1, total: 2 });
  });
});

describe('splitting rooms among the team', () => {
  it('gives each member a block of rooms in list order, the first members one extra', () => {
    expect(owners(splitRooms(rooms(8), team, { keepAssigned: false }))).toEqual([
      ana,
      ana,
      ana,
      ben,
      ben,
      ben,
      cy,
      cy,
    ]);
  });

  it('reassigns everything when not asked to keep assignments', () => {
    const before = rooms(3, () => cy);
    expect(owners(splitRooms(before, team, { keepAssigned: false }))).toEqual([ana, ben, cy]);
  });

  it('keeps existing assignments when asked and evens out the rest', () => {
    const before = rooms(6, (i) => (i < 2 ? cy : null));
    expect(owners(splitRooms(before, team, { keepAssigned: true }))).toEqual([
      cy,
      cy,
      ana,
      ana,
      ben,
      ben,
    ]);
  });

  it('gives rooms left over to whoever has the fewest when someone kept more than a share', () => {
    const before = rooms(5, (i) => (i < 4 ? ana : null));
    expect(owners(splitRooms(before, team, { keepAssigned: true }))).toEqual([
      ana,
      ana,
      ana,
      ana,
      ben,
    ]);
  });

  it('treats rooms assigned to someone who left the team as unassigned', () => {
    const gone = '00000000-0000-4000-8000-0000000000ff';
    const result = splitRooms(
      rooms(2, () => gone),
      [team[0]!],
      { keepAssigned: true },
    );
    expect(owners(result)).toEqual([ana, ana]);
  });

  it('unassigns every room when the team is empty, and changes nothing else', () => {
    const before = rooms(2, () => ana);
    const result = splitRooms(before, [], { keepAssigned: true });
    expect(owners(result)).toEqual([null, null]);
    expect(result.map((r) => r.room)).toEqual(['101', '102']);
    expect(owners(before)).toEqual([ana, ana]);
  });

  it('never differs by more than one room between members', () => {
    for (let n = 0; n <= 20; n += 1) {
      const counts = team.map(
        (t) =>
          splitRooms(rooms(n), team, { keepAssigned: false }).filter(
            (r) => r.assignedTo === t.userId,
          ).length,
      );
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });
});

describe('the room queue', () => {
  const plan = { rooms: [room(101, ben), room(102), room(103, ana), room(104, ana), room(105)] };

  it('puts my unvisited rooms first, then the unassigned ones, in list order', () => {
    expect(roomQueue(plan, ['room-103'], ana).map((r) => r.id)).toEqual([
      'room-104',
      'room-102',
      'room-105',
    ]);
  });

  it('offers an unassigned room once mine are done, and nothing when all are visited', () => {
    expect(nextRoom(plan, ['room-103', 'room-104'], ana)?.id).toBe('room-102');
    expect(nextRoom(plan, ['room-102', 'room-103', 'room-104', 'room-105'], ana)).toBeNull();
  });

  it('never offers a teammate’s room', () => {
    expect(roomQueue(plan, [], ana).some((r) => r.assignedTo === ben)).toBe(false);
  });

  it('in a calibration round, offers every room I have not visited, a teammate’s too', () => {
    const calibration = { ...plan, calibration: true };
    expect(roomQueue(calibration, ['room-103'], ana).map((r) => r.id)).toEqual([
      'room-104',
      'room-101',
      'room-102',
      'room-105',
    ]);
  });

  it('skips the team’s visits, or in a calibration round only my own', () => {
    const view = { visitedRoomIds: ['room-101', 'room-102'], myVisitedRoomIds: ['room-102'] };
    expect(queueVisits({ calibration: false }, view)).toEqual(['room-101', 'room-102']);
    expect(queueVisits({ calibration: true }, view)).toEqual(['room-102']);
  });

  it('names a room as people say it', () => {
    expect(roomLabel({ room: '114', gradeBand: '3-5', subject: 'Math' })).toBe(
      'Room 114, Grade 3-5, Math',
    );
    expect(roomLabel({ room: 'Room 2B', gradeBand: 'PreK', subject: 'Play' })).toBe(
      'Room 2B, PreK, Play',
    );
  });
});

describe('the visit timer', () => {
  const start = '2026-11-23T09:00:00.000Z';
  const at = (seconds: number) => new Date(Date.parse(start) + seconds * 1000);

  it('runs against the target minutes', () => {
    expect(visitTimer(start, 5, at(125))).toEqual({
      elapsedSeconds: 125,
      targetSeconds: 300,
      state: 'running',
      label: '2:05 of 5:00',
    });
  });

  it('warns in the last minute and says when the target has passed', () => {
    expect(visitTimer(start, 5, at(240)).state).toBe('almost');
    expect(visitTimer(start, 5, at(300)).state).toBe('almost');
    expect(visitTimer(start, 5, at(301))).toMatchObject({ state: 'over', label: '5:01 of 5:00' });
  });

  it('never shows negative time when the device clock is behind the start', () => {
    expect(visitTimer(start, 5, at(-30)).elapsedSeconds).toBe(0);
  });
});

describe('room ids', () => {
  it('makes a readable id and keeps it unique', () => {
    expect(roomIdFor('114', [])).toBe('room-114');
    expect(roomIdFor('114', ['room-114', 'room-114-2'])).toBe('room-114-3');
    expect(roomIdFor('Gym / Stage', [])).toBe('room-gym-stage');
  });
});

describe('room list CSV', () => {
  const csv = (...lines: string[]) => lines.join('\n') + '\n';

  it('reads rooms with their grade band and subject, in any column order and case', () => {
    const result = parseRoomCsv(
      csv('\uFEFFSubject,ROOM,Grade Band', 'Math,114,3-5', '"Reading, ELA",115,K–2'),
      'rooms.csv',
    );
    expect(result).toEqual({
      ok: true,
      rooms: [
        { id: 'room-114', room: '114', gradeBand: '3-5', subject: 'Math', assignedTo: null },
        {
          id: 'room-115',
          room: '115',
          gradeBand: 'K-2',
          subject: 'Reading, ELA',
          assignedTo: null,
        },
      ],
    });
  });

  it('reads a single grade as its band', () => {
    expect(['K', '2', 'Grade 4', '7', '12', 'PK', 'mixed'].map(gradeBandOf)).toEqual([
      'K-2',
      'K-2',
      '3-5',
      '6-8',
      '9-12',
      'PreK',
      'Mixed',
    ]);
    expect(gradeBandOf('13')).toBeNull();
    expect(gradeBandOf('college')).toBeNull();
  });

  it('avoids ids already on the plan', () => {
    const result = parseRoomCsv(csv('room,grade band,subject', '114,3-5,Math'), 'rooms.csv', [
      'room-114',
    ]);
    expect(result.ok && result.rooms[0]?.id).toBe('room-114-2');
  });

  it('names every bad row and imports nothing', () => {
    const result = parseRoomCsv(
      csv(
        'room,grade band,subject',
        '114,3-5,Math',
        ',3-5,Art',
        '116,college,Math',
        '117,6-8,',
        '114,3-5,Music',
        '<b>1</b>,3-5,Math',
      ),
      'rooms.csv',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.where)).toEqual([
      'row 3',
      'row 4',
      'row 5',
      'row 6',
      'row 7',
    ]);
    expect(result.problems[0]?.message).toMatch(/Room is required/);
    expect(result.problems[1]?.message).toMatch(/"college" is not a grade band/);
    expect(result.problems[2]?.message).toMatch(/Subject is required/);
    expect(result.problems[3]?.message).toMatch(/already on row 2/);
    expect(result.problems[4]?.message).toMatch(/HTML/);
  });

  it('names a missing column and an empty file', () => {
    const noSubject = parseRoomCsv(csv('room,grade band', '114,3-5'), 'rooms.csv');
    expect(noSubject).toMatchObject({
      ok: false,
      problems: [{ where: 'row 1', message: expect.stringMatching(/Missing column: subject/) }],
    });
    expect(parseRoomCsv('', 'rooms.csv')).toMatchObject({
      ok: false,
      problems: [{ where: 'file' }],
    });
    expect(parseRoomCsv(csv('room,grade band,subject'), 'rooms.csv')).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/no rooms/) }],
    });
  });

  it('refuses a file with more rooms than a round holds', () => {
    const lines = Array.from({ length: 201 }, (_, i) => `${i},3-5,Math`);
    const result = parseRoomCsv(csv('room,grade band,subject', ...lines), 'rooms.csv');
    expect(result).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/at most 200/) }],
    });
  });

  it('names a row with a broken quote', () => {
    const result = parseRoomCsv(csv('room,grade band,subject', '114,3-5,"Math'), 'rooms.csv');
    expect(result.ok).toBe(false);
  });
});
