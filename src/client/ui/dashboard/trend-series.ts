import type { Trend } from '../../../shared/dashboard';
import type { Interval } from '../../../shared/evidence/wilson';
import { shareRange, shareValue } from './format';

/** The trend chart shows the last six rounds; the table beside it holds them all. */
export const TREND_CHART_ROUNDS = 6;

/** One look-for's line on the trend chart: per round its percent seen and 90% range. */
export interface TrendSeries {
  lookForId: string;
  text: string;
  /** Percent seen per round, or null where the figure is hidden or was not asked (a gap). */
  values: Array<number | null>;
  /** The Wilson 90% range per round, or null wherever no percent is shown. */
  ranges: Array<Interval | null>;
}

type TrendCell = Trend['lines'][number]['points'][number]['cell'];

const valueOf = (cell: TrendCell | undefined): number | null =>
  !cell || 'absent' in cell ? null : shareValue(cell);
const rangeOf = (cell: TrendCell | undefined): Interval | null =>
  !cell || 'absent' in cell ? null : shareRange(cell);

/**
 * What the trend chart draws: the last rounds, and one series per look-for that shows
 * any figure in them. A round with "not enough visits yet", a hidden cell, a round
 * that did not ask the look-for and an all-N/A round have neither a point nor a range.
 */
export function trendSeries(trend: Trend): { rounds: Trend['rounds']; series: TrendSeries[] } {
  const rounds = trend.rounds.slice(-TREND_CHART_ROUNDS);
  const series = trend.lines.map((line) => {
    const cells = rounds.map((r) => line.points.find((p) => p.roundId === r.roundId)?.cell);
    return {
      lookForId: line.lookForId,
      text: line.text,
      values: cells.map(valueOf),
      ranges: cells.map(rangeOf),
    };
  });
  return { rounds, series: series.filter((s) => s.values.some((v) => v !== null)) };
}
