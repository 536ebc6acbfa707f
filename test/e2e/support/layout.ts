import type { Page } from 'playwright-core';

/**
 * Every answer button, input and link a finger taps must be at least 44 px each way.
 * A visually hidden input (a file picker) is tapped through its label, measured instead,
 * and so is a check box or radio inside its label (the whole label is the target).
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, a.button, label.button, .choice, input, textarea, .app-header a',
      ),
    ]
      .filter((el) => el.offsetParent !== null && !el.classList.contains('visually-hidden'))
      .map((el) => ({ el, box: (el.closest('label') ?? el).getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ el, box }) => `${el.textContent?.trim() || el.id} ${box.width}x${box.height}`),
  );
}

/** The top bar's height, in CSS pixels. */
export async function headerHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('.app-header')!.getBoundingClientRect().height);
}

/**
 * How far the page runs past the right edge (0 when it fits). The page can be
 * narrower than the window: desktops keep a gutter for the scroll bar.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(0, document.scrollingElement!.scrollWidth - window.innerWidth),
  );
}

/**
 * Runs a user action and waits for its result inside `act`; layout shifts between the
 * tap and the result being shown are the action's, not unexpected. Chromium's own
 * rule (a shift within 500 ms of an input) depends on the machine's speed: on a loaded
 * machine a delete may re-render later than that, so the suite marks the action's
 * window itself instead of trusting the clock.
 */
export async function asAction<T>(page: Page, act: () => Promise<T>): Promise<T> {
  const start = await page.evaluate(() => performance.now());
  const result = await act();
  await page.evaluate((from) => {
    const w = window as unknown as { lookforActions?: Array<[number, number]> };
    (w.lookforActions ??= []).push([from, performance.now()]);
  }, start);
  return result;
}

/**
 * The layout shifts since the document loaded that no tap or key caused: what CLS
 * counts. Layout-shift entries are buffered, so one observer at the end sees them all.
 * A shift inside a window marked by `asAction` is the action's result, not unexpected.
 */
export async function unexpectedShifts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const shifts: string[] = [];
        const describe = (node: Node | null) =>
          node instanceof Element
            ? `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}`
            : String(node?.nodeName);
        const actions =
          (window as unknown as { lookforActions?: Array<[number, number]> }).lookforActions ?? [];
        const acting = (at: number) => actions.some(([from, to]) => at >= from && at <= to);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<
            PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
              sources: Array<{ node: Node | null }>;
            }
          >) {
            if (entry.hadRecentInput || acting(entry.startTime)) continue;
            const moved = entry.sources.map((source) => describe(source.node)).join(', ');
            shifts.push(
              `${entry.value.toFixed(5)} (${moved}) at ${location.hash}, ${Math.round(entry.startTime)} ms; actions ${JSON.stringify(actions.map(([a, b]) => [Math.round(a), Math.round(b)]))}`,
            );
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(shifts), 100);
      }),
  );
}

/**
 * How many look-for cards start inside the screen below the sticky bar and context line
 * (and above a sticky footer): what a coach sees without scrolling.
 */
export async function lookForsInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const bottomOf = (selector: string) =>
      document.querySelector(selector)?.getBoundingClientRect().bottom ?? 0;
    const top = Math.max(bottomOf('.app-header'), bottomOf('.context-line'));
    const footer = document.querySelector('.walk-bar')?.getBoundingClientRect().top;
    const bottom = Math.min(window.innerHeight, footer ?? Infinity);
    return [...document.querySelectorAll('.look-for')].filter((card) => {
      const box = card.getBoundingClientRect();
      return box.top >= top && box.top < bottom;
    }).length;
  });
}

/**
 * Focuses every answer control on the screen in turn, as Tab would, and names those
 * the browser leaves covered (by the sticky bars or footer) once it has scrolled to them.
 */
export async function hiddenWhenFocused(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.look-for button, .look-for textarea')]
      .filter((el) => el.offsetParent !== null)
      .flatMap((el) => {
        el.focus();
        const box = el.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit && el.contains(hit) ? [] : [`${el.textContent?.trim() || el.id} at ${box.top}`];
      }),
  );
}

/**
 * Resolves once every chart on the page is drawn: charts are drawn after the
 * screen's first paint, so a screenshot taken sooner would show empty space.
 */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('main canvas')].every(
      (c) => c.dataset.drawn === 'true',
    ),
  );
}
