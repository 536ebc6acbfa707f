import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { LookForRow } from '../../../shared/aggregates/table';
import { shareValue } from './format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/** Okabe-Ito blue: distinguishable with every common colour-vision difference. */
const SEEN = '#0072B2';

/**
 * Percent seen per look-for as bars. Hidden from assistive technology: the table
 * below holds the same figures. Suppressed look-fors get no bar at all.
 */
export function SeenChart({ rows }: { rows: LookForRow[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const shown = rows.filter((r) => shareValue(r.figure) !== null);
  useEffect(() => {
    if (!canvas.current || shown.length === 0) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: shown.map((r) => (r.text.length > 40 ? `${r.text.slice(0, 38)}…` : r.text)),
        datasets: [
          {
            label: 'Percent seen',
            data: shown.map((r) => shareValue(r.figure)),
            backgroundColor: SEEN,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
      },
    });
    return () => chart.destroy();
  }, [rows]);
  if (shown.length === 0) return null;
  return (
    <div
      class="results-chart"
      aria-hidden="true"
      style={{ height: `${Math.max(120, shown.length * 34 + 40)}px` }}
    >
      <canvas ref={canvas} />
    </div>
  );
}
