import { useEffect, type Inputs } from 'preact/hooks';
import type { RefObject } from 'preact';

type Draw = (canvas: HTMLCanvasElement) => { destroy: () => void };

/**
 * Draws a chart on `canvas` once its drawing code has loaded, and destroys it when
 * `inputs` change or the screen goes. The drawing code (and Chart.js with it) loads
 * after the screen has shown, in tasks of its own, so a slow tablet shows the
 * figures first and the chart a moment later, in space kept for it. The chart is
 * drawn after the screen's first paint, so laying out the screen and drawing the
 * chart are two shorter tasks rather than one long one. `load` null draws nothing.
 */
export function useLazyChart(
  canvas: RefObject<HTMLCanvasElement>,
  load: (() => Promise<Draw>) | null,
  inputs: Inputs,
): void {
  useEffect(() => {
    if (!load) return;
    let live = true;
    let chart: { destroy: () => void } | null = null;
    void Promise.all([load(), afterNextPaint()]).then(([draw]) => {
      if (!live || !canvas.current) return;
      chart = draw(canvas.current);
      // Says the picture is there (screenshots and the print wait for it).
      canvas.current.dataset.drawn = 'true';
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, inputs);
}

/** Resolves in a task after the next frame is painted. */
const afterNextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
