import * as z from 'zod/mini';
import { GradeBand } from './observation';
import { plainText, slug } from './text-rules';
import { isoDateTime } from './time';

export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date like 2026-11-23' }),
  z.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: 'Not a real date' }),
);

export const MAX_ROUND_ROOMS = 200;
export const MAX_ROUND_TEAM = 30;

/** A room on a round's list. No teacher is named: the room, its grade band and subject. */
export const RoundRoom = z.object({
  id: slug('Room id', 40),
  room: plainText('Room', 1, 40),
  gradeBand: GradeBand,
  subject: plainText('Subject', 1, 60),
  /** The team member who visits it; null while unassigned. */
  assignedTo: z.nullable(z.uuid()),
});
export type RoundRoom = z.infer<typeof RoundRoom>;

export const TeamMember = z.object({ userId: z.uuid(), name: plainText('Name', 1, 120) });
export type TeamMember = z.infer<typeof TeamMember>;

/**
 * A Blast Walkthrough round: a planned, short, building-wide sweep. The plan is a
 * sync record every member of the school receives, so it is on the team's tablets
 * before the walk. Its results are the share of visited rooms where each look-for
 * was seen; its progress is the server-derived `round-progress` record.
 */
export const Round = z
  .object({
    id: z.uuid(),
    schoolId: z.uuid(),
    name: plainText('Round name', 1, 120),
    purpose: plainText('Purpose', 0, 2000),
    protocolId: z.string().check(z.minLength(1), z.maxLength(64)),
    protocolVersion: z.int().check(z.positive()),
    startsOn: isoDate,
    endsOn: isoDate,
    /** Minutes a visit should take; the walking screen shows a timer against it. */
    targetMinutes: z.int().check(z.gte(1), z.lte(60)),
    team: z
      .array(TeamMember)
      .check(z.maxLength(MAX_ROUND_TEAM, { error: `At most ${MAX_ROUND_TEAM} team members` })),
    rooms: z
      .array(RoundRoom)
      .check(z.maxLength(MAX_ROUND_ROOMS, { error: `At most ${MAX_ROUND_ROOMS} rooms` })),
    status: z.enum(['planned', 'closed']),
    /** A calibration round: team members visit the same rooms and compare answers. */
    calibration: z.optional(z.boolean()),
    createdBy: z.uuid(),
    updatedAt: isoDateTime,
  })
  .check(
    z.refine((r) => r.startsOn <= r.endsOn, {
      error: 'The round ends before it starts',
      path: ['endsOn'],
    }),
    z.refine((r) => new Set(r.rooms.map((room) => room.id)).size === r.rooms.length, {
      error: 'Two rooms share an id',
      path: ['rooms'],
    }),
    z.refine(
      (r) =>
        r.rooms.every(
          (room) => room.assignedTo === null || r.team.some((t) => t.userId === room.assignedTo),
        ),
      { error: 'A room is assigned to someone who is not on the team', path: ['rooms'] },
    ),
  );
export type Round = z.infer<typeof Round>;

/**
 * Derived by the server from the round's blast observations (clients never write
 * it): which rooms have a finished visit, so every team member sees the team's
 * progress once synced.
 */
export const RoundProgress = z.object({
  roundId: z.uuid(),
  schoolId: z.uuid(),
  /** Room ids with at least one finished observation. */
  visitedRoomIds: z.array(z.string()),
  updatedAt: isoDateTime,
});
export type RoundProgress = z.infer<typeof RoundProgress>;
