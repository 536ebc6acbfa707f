import { isRoundPeriod, type CellPlace } from './blocks';
import type { View } from './release';

/** What a dashboard view covers: schools, periods, and a grade band or subject. */
export interface ViewScope {
  /** null: every school (district admins). */
  schoolIds: readonly string[] | null;
  /** Periods (`r:<round id>`, `m:YYYY-MM`); null: every period. */
  periods: readonly string[] | null;
  gradeBand?: string | undefined;
  subject?: string | undefined;
}

export function viewOf(scope: ViewScope): View {
  const schools = scope.schoolIds ? new Set(scope.schoolIds) : null;
  const periods = scope.periods ? new Set(scope.periods) : null;
  return (p: CellPlace) =>
    (!schools || schools.has(p.school)) &&
    (!periods || periods.has(p.period)) &&
    (!scope.gradeBand || p.band === scope.gradeBand) &&
    (!scope.subject || p.subject === scope.subject);
}

/** A view narrowed further: a heat-map column, a school of the district view. */
export const within =
  (view: View, narrower: (p: CellPlace) => boolean): View =>
  (p) =>
    view(p) && narrower(p);

export const roundPeriod = (roundId: string) => `r:${roundId}`;

/** The last day of the month a YYYY-MM-DD date falls in. */
function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/**
 * A date range widened to whole months: a range covers whole periods only, so
 * that two ranges a day apart cannot be subtracted to single out that day's rooms.
 */
export const wholeMonths = (from: string, to: string) => ({
  from: `${from.slice(0, 7)}-01`,
  to: monthEnd(to),
});

/**
 * The periods a (whole-month) range covers: the months in it, and the rounds that
 * start in it. A round is covered whole or not at all.
 */
export function periodsIn(
  places: Iterable<Pick<CellPlace, 'period' | 'periodStart'>>,
  range: { from: string; to: string },
): string[] {
  const periods = new Set<string>();
  for (const p of places) {
    const start = isRoundPeriod(p.period) ? p.periodStart : `${p.period.slice(2)}-01`;
    if (start >= range.from && start <= range.to) periods.add(p.period);
  }
  return [...periods].sort();
}
