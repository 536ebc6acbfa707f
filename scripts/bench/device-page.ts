// What the device benchmark runs inside the built app's page. Selectors are
// constants here, so a rebuilt screen needs one line changed.
import type { Page } from 'playwright-core';

/** The observations list is ready when it says so and its first row is visible. */
export const LIST_FIRST_ROW =
  '[data-testid="observations"][data-ready="true"] [data-testid="observation-row"]';
/** Look-for answer buttons on the capture screen and the round walking screen. */
export const ANSWER_BUTTONS = '.segmented button.answer:not([disabled])';
/** The round walking screen's button that starts the next room's visit. */
export const START_NEXT_ROOM = 'section.walk button.primary.big';

/**
 * Installed before the app loads: counts commits of the transactions that write a
 * record and its outbox row together (a user edit; a pull writes the cursor too).
 */
export async function installCommitHook(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __commitWaiters: Array<(t: number) => void> };
    w.__commitWaiters = [];
    const hooked = new WeakSet<IDBTransaction>();
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown]) {
        const tx = this.transaction;
        const names = tx.objectStoreNames;
        if (
          this.name === 'records' &&
          names.contains('outbox') &&
          !names.contains('meta') &&
          !hooked.has(tx)
        ) {
          hooked.add(tx);
          tx.addEventListener('complete', () => {
            const at = performance.now();
            w.__commitWaiters.splice(0).forEach((resolve) => resolve(at));
          });
        }
        return original.apply(this, args);
      } as typeof original;
    }
  });
}

/** Taps the k-th answer button; resolves with ms until its write committed, or null. */
export function tapToCommit(page: Page, k: number): Promise<number | null> {
  return page.evaluate(
    async ([selector, k]) => {
      const w = window as unknown as { __commitWaiters: Array<(t: number) => void> };
      const buttons = [...document.querySelectorAll<HTMLButtonElement>(selector)];
      const button = buttons[k % buttons.length];
      if (!button) return null;
      const committed = new Promise<number>((resolve) => w.__commitWaiters.push(resolve));
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
      const start = performance.now();
      button.click();
      const at = await Promise.race([committed, timeout]);
      return at === null ? null : at - start;
    },
    [ANSWER_BUTTONS, k] as const,
  );
}

/** The pull cursor the app stored, read without opening a database that does not exist. */
export function storedCursor(page: Page, dbName: string): Promise<number> {
  return page.evaluate(async (name) => {
    const known = await indexedDB.databases();
    if (!known.some((d) => d.name === name)) return 0;
    return new Promise<number>((resolve) => {
      const open = indexedDB.open(name);
      open.onerror = () => resolve(0);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('meta')) {
          db.close();
          return resolve(0);
        }
        const get = db.transaction('meta').objectStore('meta').get('cursor');
        get.onsuccess = () => {
          db.close();
          const row = get.result as { value?: unknown } | undefined;
          resolve(typeof row?.value === 'number' ? row.value : 0);
        };
        get.onerror = () => {
          db.close();
          resolve(0);
        };
      };
    });
  }, dbName);
}

/** Milliseconds from the navigation's start until the list's first row is visible. */
export async function listReadyMs(page: Page, url: string): Promise<number> {
  // A page already at the app would only change its hash (no new navigation, so the
  // clock would still run from the last load): leave it first.
  await page.goto('about:blank');
  await page.goto(url);
  const handle = await page.waitForFunction(
    (selector) => {
      const row = document.querySelector(selector);
      return row && row.getBoundingClientRect().height > 0 ? performance.now() : false;
    },
    LIST_FIRST_ROW,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** The page's JS heap in MB (CDP Runtime.getHeapUsage, after a garbage collection). */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1048576;
}
