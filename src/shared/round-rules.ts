import type { gradeBands } from './observation';
import type { Round, RoundRoom, TeamMember } from './rounds';
import { roomName } from './room-name';

export type GradeBand = (typeof gradeBands)[number];

export interface Count {
  visited: number;
  total: number;
}

export interface RoundCounts {
  /** Every room on the plan. */
  team: Count;
  /** The rooms assigned to this user. */
  mine: Count;
}

/**
 * Progress as people read it: rooms on the plan with a finished visit. A room
 * visited twice counts once; a visited room that was since dropped from the plan
 * does not count.
 */
export function countProgress(
  round: Pick<Round, 'rooms'>,
  visitedRoomIds: Iterable<string>,
  userId: string,
): RoundCounts {
  const visited = new Set(visitedRoomIds);
  const count = (rooms: readonly RoundRoom[]): Count => ({
    visited: rooms.filter((r) => visited.has(r.id)).length,
    total: rooms.length,
  });
  return {
    team: count(round.rooms),
    mine: count(round.rooms.filter((r) => r.assignedTo === userId)),
  };
}

/** Shares of `total` for `parts` people, in order, differing by at most one. */
function quotas(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0),
  );
}

/**
 * Splits rooms evenly among the team in list order: the first member takes the first
 * block of rooms, the next member the next block (rooms are usually listed in the
 * order of the corridors). With `keepAssigned`, rooms already assigned to someone on
 * the team stay theirs and only the others are shared out to even the load.
 */
export function splitRooms(
  rooms: readonly RoundRoom[],
  team: readonly TeamMember[],
  options: { keepAssigned: boolean },
): RoundRoom[] {
  if (team.length === 0) return rooms.map((r) => ({ ...r, assignedTo: null }));
  const onTeam = new Set(team.map((t) => t.userId));
  const kept = (r: RoundRoom) =>
    options.keepAssigned && r.assignedTo !== null && onTeam.has(r.assignedTo);
  const load = new Map(team.map((t) => [t.userId, 0]));
  for (const r of rooms) if (kept(r)) load.set(r.assignedTo!, (load.get(r.assignedTo!) ?? 0) + 1);
  const room = quotas(rooms.length, team.length).map((q, i) =>
    Math.max(0, q - (load.get(team[i]!.userId) ?? 0)),
  );
  let member = 0;
  return rooms.map((r) => {
    if (kept(r)) return { ...r };
    while (member < team.length && room[member] === 0) member += 1;
    // Someone kept more than their share: the rest go to whoever has the fewest.
    const to =
      member < team.length
        ? team[member]!.userId
        : [...load.entries()].reduce((a, b) => (b[1] < a[1] ? b : a))[0];
    if (member < team.length) room[member]! -= 1;
    load.set(to, (load.get(to) ?? 0) + 1);
    return { ...r, assignedTo: to };
  });
}

/**
 * The rooms this user should walk next: their own unvisited rooms, then unassigned ones.
 * In a calibration round every team member visits every room: the queue is each room
 * this user has not visited yet (pass their own visits), whoever it is assigned to.
 */
export function roomQueue(
  round: Pick<Round, 'rooms' | 'calibration'>,
  visitedRoomIds: Iterable<string>,
  userId: string,
): RoundRoom[] {
  const visited = new Set(visitedRoomIds);
  const open = round.rooms.filter((r) => !visited.has(r.id));
  if (round.calibration === true) {
    return [
      ...open.filter((r) => r.assignedTo === userId),
      ...open.filter((r) => r.assignedTo !== userId),
    ];
  }
  return [
    ...open.filter((r) => r.assignedTo === userId),
    ...open.filter((r) => r.assignedTo === null),
  ];
}

/** The visits a queue skips: the team's, or in a calibration round this user's own. */
export const queueVisits = (
  round: Pick<Round, 'calibration'>,
  view: { visitedRoomIds: string[]; myVisitedRoomIds: string[] },
): string[] => (round.calibration === true ? view.myVisitedRoomIds : view.visitedRoomIds);

export function nextRoom(
  round: Pick<Round, 'rooms' | 'calibration'>,
  visitedRoomIds: Iterable<string>,
  userId: string,
): RoundRoom | null {
  return roomQueue(round, visitedRoomIds, userId)[0] ?? null;
}

/** "Room 114, Grade 3-5, Math" (or "Library, …"): how a room is named in the queue. */
export function roomLabel(room: Pick<RoundRoom, 'room' | 'gradeBand' | 'subject'>): string {
  return `${roomName(room.room)}, ${gradeLabel(room.gradeBand)}, ${room.subject}`;
}

export const gradeLabel = (band: GradeBand) =>
  band === 'PreK' || band === 'Mixed' ? band : `Grade ${band}`;

export type TimerState = 'running' | 'almost' | 'over';

export interface VisitTimer {
  elapsedSeconds: number;
  targetSeconds: number;
  state: TimerState;
  /** "2:05 of 5:00" */
  label: string;
}

/** "2:05": minutes and seconds, for timers. */
export const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** The visit timer against the round's target minutes; the last minute is "almost". */
export function visitTimer(startedAt: string, targetMinutes: number, now: Date): VisitTimer {
  const elapsedSeconds = Math.max(0, Math.floor((now.getTime() - Date.parse(startedAt)) / 1000));
  const targetSeconds = targetMinutes * 60;
  const state: TimerState =
    elapsedSeconds > targetSeconds
      ? 'over'
      : targetSeconds - elapsedSeconds <= 60
        ? 'almost'
        : 'running';
  return {
    elapsedSeconds,
    targetSeconds,
    state,
    label: `${clock(elapsedSeconds)} of ${clock(targetSeconds)}`,
  };
}

/** A stable, unique room id from its name ("114" → "room-114", then "room-114-2"). */
export function roomIdFor(room: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    `room-${room
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')}`
      .slice(0, 34)
      .replace(/-+$/, '') || 'room';
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
