import * as z from 'zod/mini';
import type { ShareClock } from '../evidence/share-clock';
import { ShareClockSettings } from '../share-back';

/** The share-back clock's answers (issue #15), checked when they arrive. */

const ShareClockAnswer: z.ZodMiniType<ShareClock> = z.union([
  z.object({ state: z.literal('due'), schoolDaysLeft: z.number(), shareBy: z.string() }),
  z.object({ state: z.literal('overdue'), shareBy: z.string() }),
  z.object({
    state: z.literal('shared'),
    onTime: z.boolean(),
    shareBy: z.string(),
    sharedOn: z.string(),
  }),
]);

/**
 * A closed round's share-back clock: the round, its school, the local dates it closed,
 * is due and was shared. Never which classrooms or teachers were visited.
 */
export const RoundShareClock = z.object({
  roundId: z.string(),
  roundName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  closedOn: z.string(),
  shareBy: z.string(),
  sharedOn: z.nullable(z.string()),
  /**
   * The district's days off after closing through the due date: what a device needs
   * to count the school days left on its own (offline). Absent from older answers.
   */
  daysOff: z.optional(z.array(z.string())),
  clock: ShareClockAnswer,
});
export type RoundShareClock = z.infer<typeof RoundShareClock>;

/** `GET /api/share-back/rounds?schoolId=` and `GET /api/share-back/district` */
export const ShareClockList = z.object({ rounds: z.array(RoundShareClock) });
export type ShareClockList = z.infer<typeof ShareClockList>;

/** `GET`/`PUT /api/share-back/settings` */
export const ShareClockSettingsAnswer = ShareClockSettings;
