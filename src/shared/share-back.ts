import * as z from 'zod/mini';
import {
  DEFAULT_SHARE_SCHOOL_DAYS,
  MAX_SHARE_SCHOOL_DAYS,
  MIN_SHARE_SCHOOL_DAYS,
} from './evidence/share-clock';
import { isoDate } from './rounds';

/** At most this many days off in the district's calendar (a few school years). */
export const MAX_DAYS_OFF = 400;

const knownTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * `GET`/`PUT /api/share-back/settings`: how long a closed round may wait before
 * its summary is shared with staff, in school days, and the district's calendar.
 */
export const ShareClockSettings = z.object({
  schoolDays: z
    .int({ error: 'Give the school days as a whole number' })
    .check(
      z.gte(MIN_SHARE_SCHOOL_DAYS, { error: `At least ${MIN_SHARE_SCHOOL_DAYS} school days` }),
      z.lte(MAX_SHARE_SCHOOL_DAYS, { error: `At most ${MAX_SHARE_SCHOOL_DAYS} school days` }),
    ),
  daysOff: z
    .array(isoDate)
    .check(z.maxLength(MAX_DAYS_OFF, { error: `At most ${MAX_DAYS_OFF} days off` })),
  timeZone: z
    .string()
    .check(
      z.minLength(1, { error: 'Name the district’s time zone, like America/Chicago' }),
      z.maxLength(64),
      z.refine(knownTimeZone, { error: 'Not a time zone this server knows, like America/Chicago' }),
    ),
});
export type ShareClockSettings = z.infer<typeof ShareClockSettings>;

export const defaultShareClockSettings = (timeZone: string): ShareClockSettings => ({
  schoolDays: DEFAULT_SHARE_SCHOOL_DAYS,
  daysOff: [],
  timeZone,
});

/** `GET /api/share-back/rounds?schoolId=`: which school's clocks. */
export const ShareClockQuery = z.object({ schoolId: z.uuid({ error: 'Choose a school' }) });
