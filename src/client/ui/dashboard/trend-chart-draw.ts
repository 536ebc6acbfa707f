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
import { trendSeries } from './trend-series';
import { trendWhiskers } from './trend-whiskers';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend);

/** Okabe-Ito: eight colours that stay apart for every common colour-vision difference. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES = [[], [6, 4], [2, 3]];
const colourOf = (i: number) => COLOURS[i % COLOURS.length]!;

/**
 * Draws percent seen across the last six rounds, one line per look-for that shows
 * any figure, each point with its 90% range as an error bar; a hidden figure is a
 * gap with no range, never a zero. Returns the chart to destroy.
 */
export function drawTrendChart(canvas: HTMLCanvasElement, trend: Trend): Chart<'line'> {
  const { rounds, series } = trendSeries(trend);
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: rounds.map((r) => wrapLabel(r.name, 16)),
      datasets: series.map((line, i) => ({
        label: line.text.length > 60 ? `${line.text.slice(0, 60)}…` : line.text,
        data: line.values,
        borderColor: colourOf(i),
        backgroundColor: colourOf(i),
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
    plugins: [trendWhiskers(series, colourOf)],
  });
}
