import type { Chart, Plugin } from 'chart.js';
import { barsOf, strokeSegments, type Segment } from './chart-strokes';

/** Okabe-Ito vermillion: stands apart from the blue bars for every common colour vision. */
export const TARGET_COLOUR = '#D55E00';

/**
 * A Chart.js plugin that draws each bar's target as a short vertical line across
 * it (horizontal bars, x from 0 to 100). `targets[i]` belongs to the i-th bar;
 * null draws nothing.
 */
export function targetMarkers(targets: ReadonlyArray<number | null>): Plugin<'bar'> {
  return {
    id: 'targetMarkers',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const x = chart.scales.x;
      if (!x) return;
      const segments = barsOf(chart).flatMap(({ y, height }, i): Segment[] => {
        const target = targets[i];
        if (target === null || target === undefined) return [];
        const px = x.getPixelForValue(target);
        return [[px, y - height / 2 - 4, px, y + height / 2 + 4]];
      });
      strokeSegments(chart.ctx, segments, { colour: TARGET_COLOUR, width: 3 });
    },
  };
}
