import { useRef } from 'preact/hooks';
import type { LookForRow } from '../../../shared/aggregates/table';
import { wrapLabel } from './chart-labels';
import { shareRange, shareValue } from './format';
import { RANGE_COLOUR } from './range-whiskers';
import { TARGET_COLOUR } from './target-marker';
import { useLazyChart } from './use-lazy-chart';

/** Okabe-Ito blue: distinguishable with every common colour-vision difference. */
const SEEN = '#0072B2';
const LINE_HEIGHT = 16;
const NO_TARGETS: ReadonlyMap<string, number> = new Map();

/**
 * Percent seen per look-for as bars, each look-for's whole text as its label, and
 * its 90% range as an error bar, its target (if any) as a vermillion line across the bar. Hidden from assistive
 * technology: the table below holds the same figures and targets. Suppressed
 * look-fors get no bar at all.
 */
export function SeenChart({
  rows,
  targets = NO_TARGETS,
}: {
  rows: LookForRow[];
  targets?: ReadonlyMap<string, number>;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const shown = rows.filter((r) => shareValue(r.figure) !== null);
  const labels = shown.map((r) => wrapLabel(r.text));
  const marks = shown.map((r) => targets.get(r.lookForId) ?? null);
  const hasTargets = marks.some((m) => m !== null);
  const ranges = shown.map((r) => shareRange(r.figure));
  const load = async () => {
    const { drawSeenChart } = await import('./seen-chart-draw');
    const values = shown.map((r) => shareValue(r.figure));
    return (element: HTMLCanvasElement) =>
      drawSeenChart(element, { labels, values, ranges, targets: marks, colour: SEEN });
  };
  useLazyChart(canvas, shown.length === 0 ? null : load, [rows, targets]);
  if (shown.length === 0) return null;
  const height = labels.reduce((h, l) => h + Math.max(34, l.length * LINE_HEIGHT + 12), 40);
  return (
    <figure class="results-chart-figure">
      <div class="results-chart" aria-hidden="true" style={{ height: `${height}px` }}>
        <canvas ref={canvas} />
      </div>
      <figcaption class="chart-key" aria-hidden="true">
        <span class="chart-key-bar" style={{ background: SEEN }} /> Percent seen{' '}
        <span class="chart-key-range" style={{ background: RANGE_COLOUR }} /> Likely range (90%)
        {hasTargets && (
          <>
            {' '}
            <span class="chart-key-target" style={{ background: TARGET_COLOUR }} /> Target
          </>
        )}
      </figcaption>
    </figure>
  );
}
