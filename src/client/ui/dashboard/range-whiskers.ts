import type { Chart, Plugin } from 'chart.js';
import type { Interval } from '../../../shared/evidence/wilson';
import { barsOf, strokeSegments, whiskerSegments, type Segment } from './chart-strokes';

/** Near-black: the whisker reads over the blue bar and the light background alike. */
export const RANGE_COLOUR = '#1c2426';

/**
 * A Chart.js plugin that draws each bar's 90% range (horizontal bars, x from 0 to
 * 100) as an error bar: a line from low to high with a cap at each end.
 * `ranges[i]` belongs to the i-th bar; null draws nothing.
 */
export function rangeWhiskers(ranges: ReadonlyArray<Interval | null>): Plugin<'bar'> {
  return {
    id: 'rangeWhiskers',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const x = chart.scales.x;
      if (!x) return;
      const segments = barsOf(chart).flatMap(({ y, height }, i): Segment[] => {
        const range = ranges[i];
        if (!range) return [];
        const low = x.getPixelForValue(range.low * 100);
        const high = x.getPixelForValue(range.high * 100);
        return whiskerSegments('x', y, low, high, Math.min(8, height / 3));
      });
      strokeSegments(chart.ctx, segments, { colour: RANGE_COLOUR, width: 2 });
    },
  };
}
