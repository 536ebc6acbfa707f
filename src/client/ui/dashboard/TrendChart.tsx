import { useRef } from 'preact/hooks';
import type { Trend } from '../../../shared/dashboard';
import { useLazyChart } from './use-lazy-chart';

/**
 * Percent seen across rounds as lines, each point with its 90% range as an error
 * bar, beside the trend table that holds the same figures and ranges (so the chart
 * is hidden from assistive technology). The drawing code is
 * loaded only when there are rounds to draw.
 */
export function TrendChart({ trend }: { trend: Trend }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const load = async () => {
    const { drawTrendChart } = await import('./trend-chart-draw');
    return (element: HTMLCanvasElement) => drawTrendChart(element, trend);
  };
  useLazyChart(canvas, trend.rounds.length === 0 ? null : load, [trend]);
  if (trend.rounds.length === 0) return null;
  return (
    <figure class="trend-chart-figure">
      <div class="trend-chart" aria-hidden="true">
        <canvas ref={canvas} />
      </div>
      <figcaption class="chart-key" aria-hidden="true">
        <span class="chart-key-whisker" /> Likely range (90%) of each round’s figure
      </figcaption>
    </figure>
  );
}
