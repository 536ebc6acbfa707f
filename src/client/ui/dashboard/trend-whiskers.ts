import type { Chart, Plugin } from 'chart.js';
import type { Interval } from '../../../shared/evidence/wilson';
import { strokeSegments, whiskerSegments, type Segment } from './chart-strokes';
import type { TrendSeries } from './trend-series';

/** Half the width of a whisker's cap, in pixels: narrower than a bar's, points are close. */
const CAP = 5;

/**
 * One line's error bars: for each round with a range, a vertical whisker at the
 * round's x from the low to the high percent. `xs[j]` is round j's pixel; `toPixel`
 * turns a percent into the y pixel.
 */
export function lineWhiskers(
  ranges: ReadonlyArray<Interval | null>,
  xs: ReadonlyArray<number | undefined>,
  toPixel: (percent: number) => number,
): Segment[] {
  return ranges.flatMap((range, j): Segment[] => {
    const x = xs[j];
    if (!range || x === undefined) return [];
    return whiskerSegments('y', x, toPixel(range.low * 100), toPixel(range.high * 100), CAP);
  });
}

/**
 * A Chart.js plugin that draws each trend point's 90% range as an error bar in its
 * line's colour. `series[i]` is the i-th dataset; a line hidden from the legend
 * hides its whiskers too.
 */
export function trendWhiskers(
  series: readonly TrendSeries[],
  colourOf: (i: number) => string,
): Plugin<'line'> {
  return {
    id: 'trendWhiskers',
    afterDatasetsDraw(chart: Chart<'line'>) {
      const y = chart.scales.y;
      if (!y) return;
      series.forEach((line, i) => {
        if (!chart.isDatasetVisible(i)) return;
        const xs = chart.getDatasetMeta(i).data.map((point) => point.x);
        const segments = lineWhiskers(line.ranges, xs, (v) => y.getPixelForValue(v));
        strokeSegments(chart.ctx, segments, { colour: colourOf(i), width: 1.5 });
      });
    },
  };
}
