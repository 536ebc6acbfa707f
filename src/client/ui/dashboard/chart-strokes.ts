import type { Chart } from 'chart.js';

/**
 * What the results charts draw over their bars and points, as plain line segments:
 * the geometry is pure (and tested), and one function strokes it. The bar chart's
 * error bars and target lines and the trend chart's error bars all come through here.
 */

/** A straight line from (x1, y1) to (x2, y2), in canvas pixels. */
export type Segment = readonly [x1: number, y1: number, x2: number, y2: number];

/**
 * An error bar from `low` to `high` (pixels along `axis`), at `at` on the other axis,
 * with a cap `cap` pixels long each side of both ends.
 */
export function whiskerSegments(
  axis: 'x' | 'y',
  at: number,
  low: number,
  high: number,
  cap: number,
): Segment[] {
  // Drawn as (along, across) pairs, then turned to (x, y).
  const lines: Segment[] = [
    [low, at, high, at],
    [low, at - cap, low, at + cap],
    [high, at - cap, high, at + cap],
  ];
  return axis === 'x' ? lines : lines.map(([a, b, c, d]) => [b, a, d, c]);
}

/** The centre and thickness of each bar of a horizontal bar chart's first dataset. */
export function barsOf(chart: Chart<'bar'>): Array<{ y: number; height: number }> {
  return chart
    .getDatasetMeta(0)
    .data.map((bar) => bar.getProps(['y', 'height'], true) as { y: number; height: number });
}

/** Strokes the segments in one colour and width, leaving the context as it was. */
export function strokeSegments(
  ctx: CanvasRenderingContext2D,
  segments: readonly Segment[],
  style: { colour: string; width: number },
): void {
  if (segments.length === 0) return;
  ctx.save();
  ctx.strokeStyle = style.colour;
  ctx.lineWidth = style.width;
  ctx.beginPath();
  for (const [x1, y1, x2, y2] of segments) {
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
  }
  ctx.stroke();
  ctx.restore();
}
