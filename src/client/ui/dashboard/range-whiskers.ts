import type { Chart, Plugin } from 'chart.js';
import type { Interval } from '../../../shared/evidence/wilson';

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
      const meta = chart.getDatasetMeta(0);
      const x = chart.scales.x;
      if (!x) return;
      const { ctx } = chart;
      ctx.save();
      ctx.strokeStyle = RANGE_COLOUR;
      ctx.lineWidth = 2;
      meta.data.forEach((bar, i) => {
        const range = ranges[i];
        if (!range) return;
        const { y, height } = bar.getProps(['y', 'height'], true) as { y: number; height: number };
        const low = x.getPixelForValue(range.low * 100);
        const high = x.getPixelForValue(range.high * 100);
        const cap = Math.min(8, height / 3);
        ctx.beginPath();
        ctx.moveTo(low, y);
        ctx.lineTo(high, y);
        ctx.moveTo(low, y - cap);
        ctx.lineTo(low, y + cap);
        ctx.moveTo(high, y - cap);
        ctx.lineTo(high, y + cap);
        ctx.stroke();
      });
      ctx.restore();
    },
  };
}
