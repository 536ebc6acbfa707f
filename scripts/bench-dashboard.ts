// `npm run bench:dashboard`: seeds 1,000,000 look-for responses into a fresh SQLite
// database, then times the dashboard API (p50, p95) for a school round, a school
// year trend and a district-wide view, and reports the server's peak memory.
// Figures only; nothing asserts on them.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connectDb } from '../src/server/db/connect';
import { migrateToLatest } from '../src/server/db/migrate';
import { signedInCookie } from '../test/support/server-app';
import {
  OBSERVER_ID,
  PROTOCOL_ID,
  ROUNDS_PER_SCHOOL,
  SCHOOLS,
  roundId,
  schoolId,
  seed,
} from './bench/dashboard-seed';

const RUNS = 60;
const dir = mkdtempSync(join(tmpdir(), 'lookfor-dash-bench-'));
try {
  const handle = connectDb({ dataDir: dir });
  await migrateToLatest(handle.db);
  await handle.close();
  let start = performance.now();
  const { responses } = seed(join(dir, 'lookfor.sqlite'));
  console.log(
    `Seeded ${responses.toLocaleString('en')} look-for responses (${SCHOOLS} schools × ${ROUNDS_PER_SCHOOL} rounds) in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
  const session = connectDb({ dataDir: dir });
  const cookie = await signedInCookie(session.db, { id: OBSERVER_ID, districtAdmin: true });
  await session.close();

  const child = fork(join(import.meta.dirname, 'bench/dashboard-server.ts'), [dir], {
    execArgv: ['--import', 'tsx'],
  });
  const port = await new Promise<number>((resolve) =>
    child.once('message', (m) => resolve((m as { port: number }).port)),
  );
  const time = async (label: string, path: (i: number) => string) => {
    const took: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      start = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}${path(i)}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      if (i >= 3) took.push(performance.now() - start); // the first few warm the caches
    }
    took.sort((a, b) => a - b);
    const at = (q: number) =>
      took[Math.min(took.length - 1, Math.ceil(q * took.length) - 1)]!.toFixed(1);
    console.log(
      `${label.padEnd(34)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`,
    );
  };
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
  const { maxRssKb } = await new Promise<{ maxRssKb: number }>((resolve) => {
    child.once('message', (m) => resolve(m as { maxRssKb: number }));
    child.send('stop');
  });
  console.log(`Server peak memory (RSS): ${(maxRssKb / 1024).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
