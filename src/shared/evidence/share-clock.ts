/**
 * The share-back clock. Data that is not shared back with staff within a couple of
 * days loses teachers' trust; contracts and school protocols name 48 hours. A closed
 * round is due to be shared by the end of its Nth school day after closing (two by
 * default, a district setting). School days are Monday to Friday, less the district's
 * days off. Dates here are the district's local calendar dates, "YYYY-MM-DD".
 */

export const DEFAULT_SHARE_SCHOOL_DAYS = 2;
/** The bounds of the district setting, in school days. */
export const MIN_SHARE_SCHOOL_DAYS = 0;
export const MAX_SHARE_SCHOOL_DAYS = 30;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string): Date {
  const at = new Date(`${date}T00:00:00Z`);
  if (!datePattern.test(date) || Number.isNaN(at.getTime()) || !at.toISOString().startsWith(date)) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return at;
}

const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000);
const dateOf = (at: Date) => at.toISOString().slice(0, 10);

/** Whether staff are in school that day: a weekday that is not a day off. */
export function isSchoolDay(date: string, daysOff: ReadonlySet<string> = new Set()): boolean {
  const day = checkDate(date).getUTCDay();
  return day !== 0 && day !== 6 && !daysOff.has(date);
}

/** The last day to share a round closed on `closedOn`: its Nth school day after closing. */
export function shareBy(
  closedOn: string,
  schoolDays = DEFAULT_SHARE_SCHOOL_DAYS,
  daysOff: ReadonlySet<string> = new Set(),
): string {
  if (
    !Number.isInteger(schoolDays) ||
    schoolDays < MIN_SHARE_SCHOOL_DAYS ||
    schoolDays > MAX_SHARE_SCHOOL_DAYS
  ) {
    throw new RangeError(
      `The share-back time is ${MIN_SHARE_SCHOOL_DAYS} to ${MAX_SHARE_SCHOOL_DAYS} school days`,
    );
  }
  let at = checkDate(closedOn);
  let left = schoolDays;
  // A run of 366 days off at most; a calendar with no school day at all is refused.
  for (let guard = 0; left > 0; guard++) {
    if (guard > 400) throw new RangeError('The calendar has no school days');
    at = plusDays(at, 1);
    if (isSchoolDay(dateOf(at), daysOff)) left -= 1;
  }
  return dateOf(at);
}

export type ShareClock =
  | { state: 'due'; schoolDaysLeft: number; shareBy: string }
  | { state: 'overdue'; shareBy: string }
  | { state: 'shared'; onTime: boolean; shareBy: string; sharedOn: string };

/** Where a closed round's clock stands today; sharing stops it. */
export function shareClock(
  shareByDate: string,
  today: string,
  sharedOn: string | null,
  daysOff: ReadonlySet<string> = new Set(),
): ShareClock {
  checkDate(today);
  const due = checkDate(shareByDate);
  if (sharedOn !== null) {
    return { state: 'shared', onTime: sharedOn <= shareByDate, shareBy: shareByDate, sharedOn };
  }
  if (today > shareByDate) return { state: 'overdue', shareBy: shareByDate };
  let left = 0;
  for (let at = checkDate(today); at < due;) {
    at = plusDays(at, 1);
    if (isSchoolDay(dateOf(at), daysOff)) left += 1;
  }
  return { state: 'due', schoolDaysLeft: left, shareBy: shareByDate };
}

/** The countdown as the rounds list and the results screen say it. */
export function shareClockText(clock: ShareClock): string {
  switch (clock.state) {
    case 'shared':
      return clock.onTime ? 'Shared with staff on time' : 'Shared with staff late';
    case 'overdue':
      return `Share with staff: overdue since ${clock.shareBy}`;
    case 'due':
      if (clock.schoolDaysLeft === 0) return 'Share with staff by the end of today';
      return clock.schoolDaysLeft === 1
        ? 'Share with staff by the end of the next school day'
        : `Share with staff within ${clock.schoolDaysLeft} school days (by ${clock.shareBy})`;
  }
}

// One formatter per time zone: making one costs far more than using it.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/** A moment's calendar date in a time zone (the district's), "YYYY-MM-DD". */
export function localDate(iso: string, timeZone: string): string {
  const parts = dateFormatIn(timeZone).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
