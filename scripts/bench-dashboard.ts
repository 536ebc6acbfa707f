// `npm run bench:dashboard`: seeds 1,000,000 look-for responses into a fresh
// database, then times the dashboard API (p50, p95) for a school round, a school
// year trend and a district-wide view, and reports the server's peak memory.
// SQLite always; PostgreSQL too when DATABASE_URL is set or BENCH_STORES names it
// (a fresh schema in the `test` database). Figures only; nothing asserts on them.
//
//   BENCH_DASHBOARD_OBSERVATIONS=50000 (20 responses each)  BENCH_STORES=sqlite,postgres
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { signedInCookie } from '../test/support/server-app';
import {
  OBSERVATIONS,
  OBSERVER_ID,
  PROTOCOL_ID,
  ROUNDS_PER_SCHOOL,
  SCHOOLS,
  roundId,
  schoolId,
  seed,
} from './bench/dashboard-seed';
import { intFrom, machineLoad } from './bench/env';
import { postgresSink, sqliteSink } from './bench/seed-sinks';
import { startChildServer } from './bench/server';
import { freshDb, postgresUrl, storesToRun, type Store } from './bench/store';

const RUNS = 60;
const observations = intFrom('BENCH_DASHBOARD_OBSERVATIONS', OBSERVATIONS);

async function dashboard(store: Store): Promise<void> {
  const db = await freshDb(store);
  try {
    let start = performance.now();
    const sink =
      store === 'sqlite'
        ? sqliteSink(join(db.config.dataDir, 'lookfor.sqlite'))
        : await postgresSink(postgresUrl, db.config.pgSchema!);
    const { responses } = await seed(sink, observations);
    console.log(
      `${store}: seeded ${responses.toLocaleString('en')} look-for responses (${SCHOOLS} schools × ${ROUNDS_PER_SCHOOL} rounds) in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    const cookie = await signedInCookie(db.handle.db, { id: OBSERVER_ID, districtAdmin: true });
    const server = await startChildServer(db.config);
    const time = async (label: string, path: (i: number) => string) => {
      const took: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        start = performance.now();
        const res = await fetch(`${server.url}${path(i)}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${label}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        if (i >= 3) took.push(performance.now() - start); // the first few warm the caches
      }
      took.sort((a, b) => a - b);
      const at = (q: number) =>
        took[Math.min(took.length - 1, Math.ceil(q * took.length) - 1)]!.toFixed(1);
      console.log(
        `  ${label.padEnd(34)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`,
      );
    };
    try {
      await time(
        'School round (summary)',
        (i) => `/api/dashboard/summary?roundId=${roundId(i % SCHOOLS, i % ROUNDS_PER_SCHOOL)}`,
      );
      await time(
        'School year trend (40 rounds)',
        (i) => `/api/dashboard/trend?schoolId=${schoolId(i % SCHOOLS)}&protocolId=${PROTOCOL_ID}`,
      );
      await time(
        'District-wide view (20 schools)',
        () => `/api/dashboard/district?protocolId=${PROTOCOL_ID}&from=2026-08-01&to=2027-07-31`,
      );
    } finally {
      const { maxRssKb } = await server.stop();
      console.log(`  Server peak memory (RSS): ${(maxRssKb / 1024).toFixed(0)} MB`);
    }
  } finally {
    await db.dispose();
  }
}

console.log(`Dashboard — ${machineLoad()}`);
const stores = await storesToRun(process.env.DATABASE_URL ? 'sqlite,postgres' : 'sqlite');
for (const store of stores) await dashboard(store);
