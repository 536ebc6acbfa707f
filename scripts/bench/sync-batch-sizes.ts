// `npx tsx scripts/bench/sync-batch-sizes.ts`: how push batch size and pull page size
// change a full sync of 5,000 observations (fake-indexeddb device, real HTTP server on
// SQLite). Figures only; nothing asserts on them.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { openLookforDb, type LookforDb } from '../../src/client/data/db';
import { syncOnce } from '../../src/client/sync/engine';
import { createApp } from '../../src/server/app';
import { connectDb } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { blastEmpoweredLearning } from '../../src/shared/builtin-protocols';
import type { Observation } from '../../src/shared/observation';
import { allLookFors } from '../../src/shared/protocol';
import { signedInCookie } from '../../test/support/server-app';

const COUNT = Number(process.env.COUNT ?? 5000);
const USER = '00000000-0000-4000-8000-0000000000be';
const SCHOOL = '00000000-0000-4000-8000-0000000000b5';
type Fetch = typeof fetch;

function makeObservation(i: number): Observation {
  const responses: Observation['responses'] = {};
  allLookFors(blastEmpoweredLearning).forEach((l, j) => {
    responses[l.id] = (i + j) % 3 === 0 ? 'seen' : (i + j) % 3 === 1 ? 'not_seen' : 'na';
  });
  return {
    id: crypto.randomUUID(),
    protocolId: blastEmpoweredLearning.id,
    protocolVersion: blastEmpoweredLearning.version,
    observerId: USER,
    schoolId: SCHOOL,
    school: 'Lincoln Elementary',
    room: `Room ${100 + (i % 60)}`,
    gradeBand: '3-5',
    subject: 'Math',
    observer: 'Coach Rivera',
    startedAt: '2026-11-23T09:00:00.000Z',
    endedAt: '2026-11-23T09:01:00.000Z',
    responses,
    notes: 'Students at table 3 compared two strategies and explained them to a partner.',
    status: 'complete',
  };
}

async function fillOutbox(db: LookforDb): Promise<void> {
  const notes = Array.from({ length: COUNT }, (_, i) => makeObservation(i));
  const at = '2026-11-23T09:01:00.000Z';
  await db.records.bulkAdd(
    notes.map((n) => ({
      entity: 'observation' as const,
      id: n.id,
      data: n,
      rev: null,
      deleted: 0 as const,
      updatedAt: at,
    })),
  );
  await db.outbox.bulkAdd(
    notes.map((n) => ({
      mutationId: crypto.randomUUID(),
      entity: 'observation' as const,
      entityId: n.id,
      op: 'put' as const,
      baseRev: null,
      data: n,
      deviceTime: at,
      state: 'pending' as const,
      attempts: 0,
    })),
  );
}

interface Server {
  url: string;
  fetch: Fetch;
  close: () => Promise<void>;
}

async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'lookfor-bench-'));
  const handle = connectDb({ dataDir: dir });
  await migrateToLatest(handle.db);
  const app = createApp({ db: handle.db });
  const cookie = await signedInCookie(handle.db, {
    id: USER,
    districtAdmin: true,
    roles: [{ schoolId: SCHOOL, role: 'coach' }],
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', cookie);
      return fetch(input, { ...init, headers });
    },
    close: async () => {
      server.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Times a sync, splitting the time spent waiting on the server from the device's own. */
async function timedSync(
  server: Server,
  db: LookforDb,
  batchSize: number,
  pullLimit: number,
  batchBytes?: number,
) {
  let waiting = 0;
  let pushes = 0;
  let pulls = 0;
  const fetch: Fetch = async (input, init) => {
    const start = performance.now();
    if (init?.method === 'POST') pushes += 1;
    else pulls += 1;
    const res = await server.fetch(input, init);
    const body = await res.arrayBuffer();
    waiting += performance.now() - start;
    return new Response(body, { status: res.status, headers: res.headers });
  };
  const start = performance.now();
  const outcome = await syncOnce({
    db,
    fetch,
    baseUrl: server.url,
    now: () => new Date(),
    runExclusive: (task) => task(),
    batchSize,
    pullLimit,
    ...(batchBytes ? { batchBytes } : {}),
  });
  const total = performance.now() - start;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return { total, waiting, device: total - waiting, pushes, pulls, outcome };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const runs = (process.env.BATCHES ?? '100,250,500,1000').split(',').map(Number);
for (const batchSize of runs) {
  const server = await startServer();
  const db = openLookforDb(`bench-push-${crypto.randomUUID()}`);
  await fillOutbox(db);
  // Pull 1,000 back so the push dominates; the pull is measured below.
  const r = await timedSync(
    server,
    db,
    batchSize,
    1000,
    batchSize === 1000 ? 5_000_000 : undefined,
  );
  console.log(
    `push ${COUNT} in batches of ${batchSize}: total ${s(r.total)}, server ${s(r.waiting)}, device ${s(r.device)}, ${r.pushes} pushes, ${r.pulls} pulls, ${JSON.stringify(r.outcome)}`,
  );
  if (batchSize === 1000) {
    const db2 = openLookforDb(`bench-push-${crypto.randomUUID()}`);
    const server2 = await startServer();
    await fillOutbox(db2);
    const r2 = await timedSync(server2, db2, 1000, 1000);
    console.log(
      `push ${COUNT} in batches of 1000 with the 1 MB bound: total ${s(r2.total)}, server ${s(r2.waiting)}, device ${s(r2.device)}, ${r2.pushes} pushes`,
    );
    db2.close();
    await server2.close();
  }
  if (batchSize === runs.at(-1)) {
    for (const pullLimit of (process.env.PULLS ?? '200,500,1000').split(',').map(Number)) {
      const fresh = openLookforDb(`bench-pull-${crypto.randomUUID()}`);
      const p = await timedSync(server, fresh, 500, pullLimit);
      console.log(
        `pull ${COUNT} into a fresh device, pages of ${pullLimit}: total ${s(p.total)}, server ${s(p.waiting)}, device ${s(p.device)}, ${p.pulls} pulls, ${JSON.stringify(p.outcome)}`,
      );
      fresh.close();
    }
  }
  db.close();
  await server.close();
}
