// `npm run bench:node`: prints how long sync takes against a real local server (HTTP on
// a free port, SQLite in a temporary directory), the device side in Node on
// fake-indexeddb. Figures only; nothing asserts on them.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { openLookforDb } from '../src/client/data/db';
import { saveObservation } from '../src/client/data/observations';
import { syncOnce } from '../src/client/sync/engine';
import { createApp } from '../src/server/app';
import { connectDb } from '../src/server/db/connect';
import { migrateToLatest } from '../src/server/db/migrate';
import { intFrom } from './bench/env';
import { makeMutations, makeObservation } from './bench/observations';
import { benchCookie } from './bench/users';

const COUNT = intFrom('BENCH_NODE_COUNT', 1000);

/** fetch signed in as the bench user (sync needs a session). */
type Fetch = typeof fetch;

async function withServer<T>(task: (url: string, fetch: Fetch) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'lookfor-bench-'));
  const handle = connectDb({ dataDir: dir });
  await migrateToLatest(handle.db);
  const app = createApp({ db: handle.db });
  const cookie = await benchCookie(handle.db);
  const signedIn: Fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    return fetch(input, { ...init, headers });
  };
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await task(`http://127.0.0.1:${port}`, signedIn);
  } finally {
    server.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;

async function onePush(url: string, fetch: Fetch): Promise<void> {
  const clientId = crypto.randomUUID();
  const mutations = makeMutations(clientId, COUNT);
  const body = JSON.stringify({ clientId, mutations });
  const start = performance.now();
  const res = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const answer = (await res.json()) as { results: unknown[] };
  console.log(
    `One push of ${COUNT} observations in one request (${(body.length / 1024).toFixed(0)} KB): ${ms(start)} (HTTP ${res.status}, ${answer.results.length} results)`,
  );
  const replay = performance.now();
  await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  console.log(`The same push replayed (all duplicates): ${ms(replay)}`);
  const pull = performance.now();
  let cursor = 0;
  let pages = 0;
  for (;;) {
    const page = (await (
      await fetch(`${url}/api/sync/pull?cursor=${cursor}&limit=200`)
    ).json()) as {
      cursor: number;
      hasMore: boolean;
    };
    pages += 1;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  console.log(`Pull of ${COUNT} observations in ${pages} pages of 200: ${ms(pull)}`);
}

async function engineSync(url: string, fetch: Fetch): Promise<void> {
  const db = openLookforDb(`bench-${crypto.randomUUID()}`);
  const now = new Date('2026-11-23T09:00:00Z');
  const capture = performance.now();
  for (let i = 0; i < COUNT; i += 1) await saveObservation(db, makeObservation(i), now);
  console.log(
    `Capture of ${COUNT} finished observations into the outbox (fake-indexeddb): ${ms(capture)}`,
  );
  const start = performance.now();
  const outcome = await syncOnce({
    db,
    fetch,
    baseUrl: url,
    now: () => new Date(),
    runExclusive: (task) => task(),
  });
  console.log(
    `Sync engine push of ${COUNT} observations (batches of 100) plus pull: ${ms(start)} (${JSON.stringify(outcome)})`,
  );
  db.close();
}

await withServer(onePush);
await withServer(engineSync);
const memory = process.memoryUsage();
console.log(
  `Process memory after the runs: rss ${(memory.rss / 1048576).toFixed(0)} MB, heap ${(memory.heapUsed / 1048576).toFixed(0)} MB`,
);
