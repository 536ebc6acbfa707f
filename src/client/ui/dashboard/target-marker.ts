import type { Chart, Plugin } from 'chart.js';

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
      const meta = chart.getDatasetMeta(0);
      const x = chart.scales.x;
      if (!x) return;
      const { ctx } = chart;
      ctx.save();
      ctx.strokeStyle = TARGET_COLOUR;
      ctx.lineWidth = 3;
      meta.data.forEach((bar, i) => {
        const target = targets[i];
        if (target === null || target === undefined) return;
        const { y, height } = bar.getProps(['y', 'height'], true) as { y: number; height: number };
        const px = x.getPixelForValue(target);
        ctx.beginPath();
        ctx.moveTo(px, y - height / 2 - 4);
        ctx.lineTo(px, y + height / 2 + 4);
        ctx.stroke();
      });
      ctx.restore();
    },
  };
}
