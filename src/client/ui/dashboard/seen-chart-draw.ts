import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import type { Interval } from '../../../shared/evidence/wilson';
import { rangeWhiskers } from './range-whiskers';
import { targetMarkers } from './target-marker';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export interface SeenBars {
  labels: string[][];
  values: Array<number | null>;
  ranges: Array<Interval | null>;
  targets: Array<number | null>;
  colour: string;
}

/**
 * Draws percent seen per look-for as horizontal bars with each bar's 90% range and
 * target. Returns the chart to destroy.
 */
export function drawSeenChart(canvas: HTMLCanvasElement, bars: SeenBars): Chart<'bar'> {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.labels,
      datasets: [{ label: 'Percent seen', data: bars.values, backgroundColor: bars.colour }],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } },
        y: { ticks: { autoSkip: false, color: '#1c2426' } },
      },
      // The key below the chart names the bars and the target line.
      plugins: { legend: { display: false } },
    },
    plugins: [rangeWhiskers(bars.ranges), targetMarkers(bars.targets)],
  });
}
