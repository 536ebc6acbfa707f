import { localDate, shareBy, shareClock } from '../../shared/evidence/share-clock';
import type { Round } from '../../shared/rounds';
import type { RoundShareClock } from '../../shared/answers/share-back';
import type { ShareClockSettings } from '../../shared/share-back';
import type { ShareBackRow } from './repository';

/** The time zone the server runs in: the district's until a district admin sets it. */
export const serverTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * A closed round's clock by the pure rule (`src/shared/evidence/share-clock.ts`): due
 * by the Nth school day after the local date it closed. A round closed before the
 * clock existed counts from its last change. The answer carries the district's days
 * off between closing and the due date: all a device needs to count the days left
 * offline with the same rule.
 */
export function roundClock(
  round: Round,
  schoolName: string,
  row: ShareBackRow | undefined,
  settings: ShareClockSettings,
  now: Date,
): RoundShareClock {
  const zone = settings.timeZone;
  const daysOff = new Set(settings.daysOff);
  const closedOn = localDate(row?.closedAt ?? round.updatedAt, zone);
  const due = shareBy(closedOn, settings.schoolDays, daysOff);
  const sharedOn = row?.sharedAt ? localDate(row.sharedAt, zone) : null;
  return {
    roundId: round.id,
    roundName: round.name,
    schoolId: round.schoolId,
    schoolName,
    closedOn,
    shareBy: due,
    sharedOn,
    // The days off the countdown skips, so a device can count it on offline.
    daysOff: settings.daysOff.filter((d) => d > closedOn && d <= due),
    clock: shareClock(due, localDate(now.toISOString(), zone), sharedOn, daysOff),
  };
}

/** Overdue first, then the soonest due; shared rounds last, the latest first. */
export function byUrgency(a: RoundShareClock, b: RoundShareClock): number {
  const rank = (c: RoundShareClock) =>
    c.clock.state === 'overdue' ? 0 : c.clock.state === 'due' ? 1 : 2;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return rank(a) === 2 ? b.shareBy.localeCompare(a.shareBy) : a.shareBy.localeCompare(b.shareBy);
}
