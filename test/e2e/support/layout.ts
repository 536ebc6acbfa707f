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

/** How far the page runs past the right edge (0 when it fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/**
 * The layout shifts since the document loaded that no tap or key caused: what CLS
 * counts. Layout-shift entries are buffered, so one observer at the end sees them all.
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
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<
            PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
              sources: Array<{ node: Node | null }>;
            }
          >) {
            if (entry.hadRecentInput) continue;
            const moved = entry.sources.map((source) => describe(source.node)).join(', ');
            shifts.push(`${entry.value.toFixed(5)} (${moved}) at ${location.hash}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(shifts), 100);
      }),
  );
}
