// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { useRef } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { useLazyChart } from '../../../../src/client/ui/dashboard/use-lazy-chart';

afterEach(cleanup);

/** As long as the hook waits before it draws: a painted frame, then a task. */
const afterPaint = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function Chart({ load, version }: { load: Parameters<typeof useLazyChart>[1]; version: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLazyChart(canvas, load, [version]);
  return <canvas ref={canvas} data-testid="chart" />;
}

/** A stand-in for Chart.js: records what it drew and what it destroyed. */
function fakeCharts() {
  const drawn: number[] = [];
  const destroyed: number[] = [];
  const loadFor = (version: number) => async () => (canvas: HTMLCanvasElement) => {
    expect(canvas.tagName).toBe('CANVAS');
    drawn.push(version);
    return { destroy: () => destroyed.push(version) };
  };
  return { drawn, destroyed, loadFor };
}

describe('useLazyChart', () => {
  it('draws once the code has loaded and a frame has painted, and marks the canvas drawn', async () => {
    const charts = fakeCharts();
    const { getByTestId } = render(<Chart load={charts.loadFor(1)} version={1} />);
    expect(getByTestId('chart').dataset.drawn).toBeUndefined();
    await waitFor(() => expect(getByTestId('chart').dataset.drawn).toBe('true'));
    expect(charts.drawn).toEqual([1]);
  });

  it('destroys the old chart when the figures change, and the last one when the screen goes', async () => {
    const charts = fakeCharts();
    const { rerender, unmount } = render(<Chart load={charts.loadFor(1)} version={1} />);
    await waitFor(() => expect(charts.drawn).toEqual([1]));
    rerender(<Chart load={charts.loadFor(2)} version={2} />);
    await waitFor(() => expect(charts.drawn).toEqual([1, 2]));
    expect(charts.destroyed).toEqual([1]);
    unmount();
    expect(charts.destroyed).toEqual([1, 2]);
  });

  it('draws only the newest figures when they change before the code has loaded', async () => {
    const charts = fakeCharts();
    let release = () => {};
    const slow = () =>
      new Promise<void>((resolve) => (release = resolve)).then(() => charts.loadFor(1)());
    const { rerender } = render(<Chart load={slow} version={1} />);
    const releaseFirst = release;
    rerender(<Chart load={charts.loadFor(2)} version={2} />);
    await waitFor(() => expect(charts.drawn).toEqual([2]));
    releaseFirst();
    await afterPaint();
    await afterPaint();
    expect(charts.drawn).toEqual([2]);
  });

  it('draws nothing when the screen goes before the code has loaded', async () => {
    const charts = fakeCharts();
    let release = () => {};
    const slow = () =>
      new Promise<void>((resolve) => (release = resolve)).then(() => charts.loadFor(1)());
    const { unmount } = render(<Chart load={slow} version={1} />);
    unmount();
    release();
    await afterPaint();
    await afterPaint();
    expect(charts.drawn).toEqual([]);
  });

  it('draws nothing without a loader', async () => {
    const { getByTestId } = render(<Chart load={null} version={1} />);
    await afterPaint();
    await afterPaint();
    expect(getByTestId('chart').dataset.drawn).toBeUndefined();
  });
});
