// `npm run bench:sync`: Lookfor against PouchDB in one Chromium, side by side. For
// each size N, a page writes N finished observations into IndexedDB (Lookfor through
// its own data layer, PouchDB through its IndexedDB adapter), then the timed part:
// Lookfor's sync engine pushing them to the real server (SQLite on disk in a temp
// dir), and PouchDB replicating them to express-pouchdb (LevelDB on disk in a temp
// dir). Both servers share one loopback origin with the page. Runs alternate, each on
// a fresh browser context and fresh server stores. Figures only; nothing asserts.
//
//   BENCH_SIZES=1000,10000  BENCH_PAIRS=3  npm run bench:sync
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import expressPouchDB from 'express-pouchdb';
import { Hono } from 'hono';
import type { Page } from 'playwright-core';
import PouchDB from 'pouchdb-node';
import { createApp } from '../src/server/app';
import type { bench } from './bench/browser/sync-entry';
import { buildBenchPage } from './bench/browser/build';
import { launchChromium } from './bench/chromium';
import { intFrom, machineLoad, sizesFrom } from './bench/env';
import { listen } from './bench/server';
import { fmtMs, median } from './bench/stats';
import { freshDb, type BenchDb } from './bench/store';
import { benchCookie } from './bench/users';

type Bench = typeof bench;
const sizes = sizesFrom('BENCH_SIZES', [1000, 10_000]);
const pairs = intFrom('BENCH_PAIRS', 3);

const browser = await launchChromium();
const pageDir = await buildBenchPage('sync');
const couchDir = mkdtempSync(join(tmpdir(), 'lookfor-bench-couch-'));
const couch = expressPouchDB(PouchDB.defaults({ prefix: `${couchDir}/` }), {
  mode: 'minimumForPouchDB',
  inMemoryConfig: true,
  logPath: join(couchDir, 'log.txt'),
});

// The Lookfor server of the current run; each run gets a fresh database.
let lookfor: { app: Hono; db: BenchDb } | null = null;
const front = new Hono();
front.use('/bench/*', serveStatic({ root: join(pageDir, '..') }));
front.all('*', (c) => (lookfor ? lookfor.app.fetch(c.req.raw) : c.text('no server', 503)));
const honoListener = getRequestListener(front.fetch);
const origin = await listen((req, res) => {
  if (req.url?.startsWith('/couch/')) {
    req.url = req.url.slice('/couch'.length);
    couch(req, res);
  } else void honoListener(req, res);
});

async function openPage(cookie?: string): Promise<{ page: Page; done: () => Promise<void> }> {
  const context = await browser.newContext();
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: origin.url }]);
  }
  const page = await context.newPage();
  await page.goto(`${origin.url}/bench/sync.html`);
  await page.waitForFunction(() => 'bench' in window);
  return { page, done: () => context.close() };
}

const call = <K extends keyof Bench>(page: Page, key: K, ...args: Parameters<Bench[K]>) =>
  page.evaluate(
    ([k, a]) =>
      ((window as unknown as { bench: Bench }).bench[k] as (...x: unknown[]) => unknown)(...a),
    [key, args] as const,
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;

async function lookforRun(n: number): Promise<number> {
  const db = await freshDb('sqlite');
  lookfor = { app: createApp({ db: db.handle.db, log: () => undefined }), db };
  const { page, done } = await openPage(await benchCookie(db.handle.db));
  try {
    const name = `bench-${crypto.randomUUID()}`;
    const wrote = await call(page, 'lookforWrite', name, n);
    const { took, outcome, left, waited } = await call(page, 'lookforSync', name);
    if (!outcome.ok || left !== 0) throw new Error(`Lookfor sync: ${JSON.stringify(outcome)}`);
    console.log(
      `  Lookfor  N=${n}: wrote in ${fmtMs(wrote)}, syncOnce ${fmtMs(took)} (pushed ${outcome.pushed}, pulled ${outcome.pulled}; ` +
        `waiting on push requests ${fmtMs(waited.push)}, pull requests ${fmtMs(waited.pull)})`,
    );
    return took;
  } finally {
    await done();
    lookfor = null;
    await db.dispose();
  }
}

async function pouchRun(n: number, run: number): Promise<number> {
  const { page, done } = await openPage();
  try {
    const name = `bench-${crypto.randomUUID()}`;
    const wrote = await call(page, 'pouchWrite', name, n);
    const remote = `${origin.url}/couch/bench-${n}-${run}`;
    const { took, written, failures } = await call(page, 'pouchReplicate', name, remote);
    if (written !== n || failures !== 0) throw new Error(`PouchDB wrote ${written}/${n}`);
    console.log(
      `  PouchDB  N=${n}: wrote in ${fmtMs(wrote)}, replicate.to ${fmtMs(took)} (${written} docs written)`,
    );
    return took;
  } finally {
    await done();
  }
}

console.log(`Sync: Lookfor vs PouchDB in Chromium (${pairs} pairs per size) — ${machineLoad()}`);
try {
  for (const n of sizes) {
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 0; run < pairs; run += 1) {
      ours.push(await lookforRun(n));
      theirs.push(await pouchRun(n, run));
    }
    const a = median(ours);
    const b = median(theirs);
    console.log(
      `N=${n}: median Lookfor syncOnce ${fmtMs(a)}, PouchDB replicate.to ${fmtMs(b)}, PouchDB/Lookfor ${(b / a).toFixed(2)}x`,
    );
  }
} finally {
  await browser.close();
  await origin.close();
  rmSync(couchDir, { recursive: true, force: true });
  rmSync(join(pageDir, '..'), { recursive: true, force: true });
}
