import { useEffect, useRef } from 'preact/hooks';
import type { Trend } from '../../../shared/dashboard';

/**
 * Percent seen across rounds as lines, each point with its 90% range as an error
 * bar, beside the trend table that holds the same figures and ranges (so the chart
 * is hidden from assistive technology). The drawing code is
 * loaded only when there are rounds to draw.
 */
export function TrendChart({ trend }: { trend: Trend }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current || trend.rounds.length === 0) return;
    let live = true;
    let destroy: (() => void) | null = null;
    void import('./trend-chart-draw').then(({ drawTrendChart }) => {
      if (!live || !canvas.current) return;
      const chart = drawTrendChart(canvas.current, trend);
      destroy = () => chart.destroy();
    });
    return () => {
      live = false;
      destroy?.();
    };
  }, [trend]);
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
