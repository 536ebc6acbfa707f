// `npm run bench:ingest`: the server taking in finished observations, dashboard
// facts included. First one push of 1,000 observations in one request to a fresh
// server and a second one to the same server (warm), several runs per store (SQLite on disk, PostgreSQL in a fresh schema).
// Then, on PostgreSQL, concurrent clients pushing batches of 100 to one app server,
// and the same load split across two app server processes on the same schema, with
// a device pulling all along to check that no change slips past its cursor.
// Figures only; nothing asserts on time.
//
//   BENCH_INGEST_COUNT=1000 BENCH_RUNS=5 BENCH_INGEST_CLIENTS=8 BENCH_INGEST_BATCHES=10
import { performance } from 'node:perf_hooks';
import { intFrom, machineLoad } from './bench/env';
import { pullToEnd, push } from './bench/http';
import { makeMutations } from './bench/observations';
import { startChildServer } from './bench/server';
import { fmtMs, median } from './bench/stats';
import { freshDb, storesToRun, type Store } from './bench/store';
import { benchCookie } from './bench/users';

const count = intFrom('BENCH_INGEST_COUNT', 1000);
const runs = intFrom('BENCH_RUNS', 5);
const clients = intFrom('BENCH_INGEST_CLIENTS', 8);
const batches = intFrom('BENCH_INGEST_BATCHES', 10);
const batchSize = 100;
/** Observations per second, by number of app servers. */
const results = new Map<number, number>();

/**
 * The first push a fresh server takes (its code not yet compiled by the JIT, its
 * statements not yet prepared), then a second one from another device, as a server
 * that has been running meets every push after its first.
 */
async function onePush(store: Store): Promise<{ cold: number; warm: number }> {
  const db = await freshDb(store);
  const cookie = await benchCookie(db.handle.db);
  const server = await startChildServer(db.config);
  const timed = async () => {
    const clientId = crypto.randomUUID();
    const answer = await push(server.url, cookie, clientId, makeMutations(clientId, count));
    const applied = answer.body?.results.filter((r) => r.status === 'applied').length ?? 0;
    if (applied !== count) throw new Error(`push answered ${answer.status}, ${applied} applied`);
    return answer.ms;
  };
  try {
    const cold = await timed();
    return { cold, warm: await timed() };
  } finally {
    await server.stop();
    await db.dispose();
  }
}

/** Clients pushing batches at once, spread over `servers` app processes on one schema. */
async function concurrent(servers: number): Promise<void> {
  const db = await freshDb('postgres');
  const cookie = await benchCookie(db.handle.db);
  const apps = await Promise.all(
    Array.from({ length: servers }, () => startChildServer(db.config)),
  );
  const appliedIds = new Set<string>();
  const pulledIds = new Set<string>();
  let done = false;
  // A device pulling while the pushes land: a change committed below its cursor
  // after it moved past would never reach it.
  const watcher = (async () => {
    let cursor = 0;
    while (!done) {
      cursor = await pullToEnd(apps[0]!.url, cookie, cursor, (c) => pulledIds.add(c.entityId));
    }
    return pullToEnd(apps[0]!.url, cookie, cursor, (c) => pulledIds.add(c.entityId));
  })();
  try {
    const start = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, k) => {
        const url = apps[k % servers]!.url;
        const clientId = crypto.randomUUID();
        for (let b = 0; b < batches; b += 1) {
          const mutations = makeMutations(clientId, batchSize, { firstSeq: b * batchSize + 1 });
          const answer = await push(url, cookie, clientId, mutations);
          if (!answer.body) throw new Error(`push answered ${answer.status}`);
          for (const r of answer.body.results) {
            if (r.status !== 'applied') throw new Error(`push result ${r.status}`);
          }
          mutations.forEach((m) => appliedIds.add(m.entityId));
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    done = true;
    await watcher;
    const missed = [...appliedIds].filter((id) => !pulledIds.has(id)).length;
    const fresh = new Set<string>();
    await pullToEnd(apps[0]!.url, cookie, 0, (c) => fresh.add(c.entityId));
    console.log(
      `  ${servers} server${servers > 1 ? 's' : ''}: ${appliedIds.size} observations in ${seconds.toFixed(1)} s = ${(appliedIds.size / seconds).toFixed(0)} observations/s; ` +
        `a device pulling throughout missed ${missed}, a fresh pull sees ${[...appliedIds].filter((id) => fresh.has(id)).length}/${appliedIds.size}`,
    );
    results.set(servers, appliedIds.size / seconds);
  } finally {
    done = true;
    await watcher.catch(() => undefined);
    await Promise.all(apps.map((a) => a.stop()));
    await db.dispose();
  }
}

console.log(`Ingest — ${machineLoad()}`);
const stores = await storesToRun();
for (const store of stores) {
  const took: Array<{ cold: number; warm: number }> = [];
  for (let run = 0; run < runs; run += 1) took.push(await onePush(store));
  const warm = took.map((t) => t.warm);
  const cold = took.map((t) => t.cold);
  console.log(
    `One push of ${count} observations (one request), ${store}: median ${fmtMs(median(warm))} to a running server (runs: ${warm.map(fmtMs).join(', ')}); ` +
      `the first push to a fresh server ${fmtMs(median(cold))} (runs: ${cold.map(fmtMs).join(', ')})`,
  );
}
if (stores.includes('postgres')) {
  console.log(
    `PostgreSQL, ${clients} clients × ${batches} batches of ${batchSize}, one app server vs two:`,
  );
  await concurrent(1);
  await concurrent(2);
  console.log(`  two servers / one: ${(results.get(2)! / results.get(1)!).toFixed(2)}x`);
}
