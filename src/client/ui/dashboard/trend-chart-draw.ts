import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';
import type { Trend } from '../../../shared/dashboard';
import { wrapLabel } from './chart-labels';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend);

/** Okabe-Ito: eight colours that stay apart for every common colour-vision difference. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES = [[], [6, 4], [2, 3]];

/** Percent seen of one trend point, or null where it is hidden or was not asked. */
const valueOf = (cell: Trend['lines'][number]['points'][number]['cell']): number | null =>
  'absent' in cell || cell.suppressed || cell.share.suppressed ? null : cell.share.percentSeen;

/**
 * Draws percent seen across the last six rounds, one line per look-for that shows
 * any figure; a hidden figure is a gap, never a zero. Returns the chart to destroy.
 */
export function drawTrendChart(canvas: HTMLCanvasElement, trend: Trend): Chart<'line'> {
  const rounds = trend.rounds.slice(-6);
  const lines = trend.lines.filter((line) =>
    line.points.some(
      (p) => rounds.some((r) => r.roundId === p.roundId) && valueOf(p.cell) !== null,
    ),
  );
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: rounds.map((r) => wrapLabel(r.name, 16)),
      datasets: lines.map((line, i) => ({
        label: line.text.length > 60 ? `${line.text.slice(0, 60)}…` : line.text,
        data: rounds.map((r) => {
          const point = line.points.find((p) => p.roundId === r.roundId);
          return point ? valueOf(point.cell) : null;
        }),
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length],
        borderDash: DASHES[Math.floor(i / COLOURS.length) % DASHES.length],
        spanGaps: false,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
    },
  });
}
