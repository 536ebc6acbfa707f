// `npm run bench:load`: many signed-in devices at once against one app server (in
// its own process) on loopback: each pushes its observations in small batches and
// then pulls, all starting together. SQLite first, then PostgreSQL. Prints errors by
// kind and push / pull latency. Bounded: a fixed number of requests per client, a
// per-request timeout and an overall time limit. Figures only; nothing asserts.
//
//   BENCH_CLIENTS=200 BENCH_LOAD_OBSERVATIONS=20 BENCH_LOAD_BATCH=5 BENCH_LOAD_LIMIT_S=180
import { performance } from 'node:perf_hooks';
import { intFrom, machineLoad } from './bench/env';
import { BENCH_SCHOOL_ID, clientUserId, makeMutations } from './bench/observations';
import { startChildServer } from './bench/server';
import { p50p95 } from './bench/stats';
import { freshDb, storesToRun, type Store } from './bench/store';
import { benchCookie } from './bench/users';

const clients = intFrom('BENCH_CLIENTS', 200);
const perClient = intFrom('BENCH_LOAD_OBSERVATIONS', 20);
const batch = intFrom('BENCH_LOAD_BATCH', 5);
const limitSeconds = intFrom('BENCH_LOAD_LIMIT_S', 180);

interface Tally {
  push: number[];
  pull: number[];
  errors: Map<string, number>;
}

function errorKind(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timeout';
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}

async function request(
  tally: Tally,
  into: number[],
  url: string,
  init: RequestInit,
  stop: AbortSignal,
) {
  const start = performance.now();
  try {
    const res = await fetch(url, {
      ...init,
      signal: AbortSignal.any([stop, AbortSignal.timeout(60_000)]),
    });
    const text = await res.text();
    into.push(performance.now() - start);
    if (!res.ok) {
      const kind = `HTTP ${res.status}`;
      tally.errors.set(kind, (tally.errors.get(kind) ?? 0) + 1);
      return null;
    }
    return JSON.parse(text) as unknown;
  } catch (error) {
    const kind = errorKind(error);
    tally.errors.set(kind, (tally.errors.get(kind) ?? 0) + 1);
    return null;
  }
}

async function load(store: Store): Promise<void> {
  const db = await freshDb(store);
  const cookies: string[] = [];
  for (let n = 0; n < clients; n += 1) {
    cookies.push(await benchCookie(db.handle.db, clientUserId(n)));
  }
  const server = await startChildServer(db.config);
  const tally: Tally = { push: [], pull: [], errors: new Map() };
  const stop = AbortSignal.timeout(limitSeconds * 1000);
  try {
    const start = performance.now();
    await Promise.all(
      cookies.map(async (cookie, n) => {
        const clientId = crypto.randomUUID();
        const headers = { 'content-type': 'application/json', cookie };
        for (let sent = 0; sent < perClient; sent += batch) {
          const mutations = makeMutations(clientId, Math.min(batch, perClient - sent), {
            firstSeq: sent + 1,
            observerId: clientUserId(n),
            schoolId: BENCH_SCHOOL_ID,
          });
          const body = JSON.stringify({ clientId, mutations });
          await request(
            tally,
            tally.push,
            `${server.url}/api/sync/push`,
            { method: 'POST', headers, body },
            stop,
          );
        }
        let cursor = 0;
        for (let page = 0; page < 50; page += 1) {
          const answer = (await request(
            tally,
            tally.pull,
            `${server.url}/api/sync/pull?cursor=${cursor}&limit=200`,
            { headers },
            stop,
          )) as { cursor: number; hasMore: boolean } | null;
          if (!answer?.hasMore) break;
          cursor = answer.cursor;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const errors = [...tally.errors].map(([k, v]) => `${v} ${k}`).join(', ') || 'none';
    console.log(
      `${store}: ${clients} clients × ${perClient} observations (batches of ${batch}) and a pull, all at once, in ${seconds.toFixed(1)} s`,
    );
    console.log(`  errors: ${errors}`);
    console.log(`  push ${p50p95(tally.push)}`);
    console.log(`  pull ${p50p95(tally.pull)}`);
    const { maxRssKb } = await server.stop();
    console.log(`  server peak memory (RSS): ${(maxRssKb / 1024).toFixed(0)} MB`);
  } finally {
    await server.stop().catch(() => undefined);
    await db.dispose();
  }
}

console.log(`Load on loopback — ${machineLoad()}`);
for (const store of await storesToRun()) await load(store);
