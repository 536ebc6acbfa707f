import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseNameFor } from '../../../src/client/data/account';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import { readCursor, setMeta } from '../../../src/client/data/meta';
import {
  deleteObservation,
  keepVersion,
  startObservation,
  updateObservation,
} from '../../../src/client/data/observations';
import { syncOnce, type SyncOutcome } from '../../../src/client/sync/engine';
import { createApp } from '../../../src/server/app';
import { hashPassword } from '../../../src/server/auth/password';
import { insertUser, setMembership } from '../../../src/server/auth/repository';
import { insertSchool } from '../../../src/server/schools/repository';
import { connectDb, type DbHandle } from '../../../src/server/db/connect';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { currentServerSeq } from '../../../src/server/sync/repository';
import { blastEmpoweredLearning } from '../../../src/shared/builtin-protocols';
import {
  OriginalResult,
  PushRequest,
  PushResponse,
  type Mutation,
  type PushResult,
} from '../../../src/shared/sync';
import { fastCost } from '../../support/accounts';
import { TEST_SCHOOL_ID } from '../../support/factories';
import { httpClient, type HttpClient } from '../../support/http-client';

/**
 * Model-based property test of the real client sync engine (fake IndexedDB) against
 * the real in-process server on a SQLite file: several devices and two users, random
 * creates, edits, deletes, sign-outs and sign-ins, syncs over a network that loses
 * requests and answers, delivers twice and restarts the server between requests,
 * and pulls from any cursor. See docs/sync.md, "Proven by properties".
 */

/** What the network does to one request of a sync. */
type Fault = 'none' | 'lose-request' | 'lose-response' | 'deliver-twice' | 'restart-first';

type Action =
  | { kind: 'create'; device: number }
  | { kind: 'edit'; device: number; pick: number }
  | { kind: 'delete'; device: number; pick: number }
  | { kind: 'resolve'; device: number; pick: number; mine: boolean }
  | { kind: 'sync'; device: number; faults: Fault[] }
  | { kind: 'sign-out'; device: number; everywhere: boolean }
  | { kind: 'sign-in'; device: number; user: number }
  | { kind: 'pull-from'; device: number; cursor: number; ahead: boolean }
  | { kind: 'restart' };

const DEVICES = 3;
const USERS = 2;
const BASE = 'http://lookfor.test';
const PASSWORD = 'correct horse battery staple';
/** Runs in `npm test`; `npm run bench:properties` runs for a time budget instead. */
const SECONDS = process.env.SYNC_PROPERTY_SECONDS
  ? Number(process.env.SYNC_PROPERTY_SECONDS)
  : null;
const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? (SECONDS === null ? 6 : Infinity));
/** Sequences per round of the long run, between looks at the clock. */
const ROUND = 10;

const now = new Date('2026-11-23T09:00:00Z');
const users = Array.from({ length: USERS }, (_, i) => ({
  id: `00000000-0000-4000-8000-00000000010${i}`,
  email: `observer${i}@lookfor.test`,
}));

const device = fc.nat(DEVICES - 1);
/** Most requests get through, so that devices meet each other's edits. */
const fault: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Fault>('none') },
  {
    weight: 4,
    arbitrary: fc.constantFrom<Fault>(
      'lose-request',
      'lose-response',
      'deliver-twice',
      'restart-first',
    ),
  },
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), device }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), device, pick: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), device, pick: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('resolve' as const),
      device,
      pick: fc.nat(),
      mine: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      device,
      faults: fc.array(fault, { maxLength: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('sign-out' as const),
      device,
      everywhere: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sign-in' as const),
      device,
      user: fc.nat(USERS - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pull-from' as const),
      device,
      cursor: fc.nat(),
      ahead: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

/** The real app over a SQLite file that outlives it: a restart keeps every row. */
class Server {
  private readonly dir = mkdtempSync(join(tmpdir(), 'lookfor-properties-'));
  handle!: DbHandle;
  app!: ReturnType<typeof createApp>;
  restarts = 0;

  async start(): Promise<void> {
    this.handle = connectDb({ dataDir: this.dir });
    await migrateToLatest(this.handle.db);
    this.app = createApp({
      db: this.handle.db,
      readDb: this.handle.readDb,
      log: () => undefined,
      passwordCost: fastCost,
    });
  }

  async restart(): Promise<void> {
    await this.handle.close();
    this.restarts += 1;
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.handle.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One user's notes on one device: their own database, as the app keeps them. */
interface Copy {
  user: number;
  db: LookforDb;
}

/** A tablet: a browser-like client (cookies), and one database per user who signed in. */
interface Tablet {
  /** Names this device's databases apart from other devices' and other runs'. */
  name: string;
  client: HttpClient;
  copies: Map<number, Copy>;
  /** Whose account the app holds (its session may have ended); null after sign-out. */
  account: number | null;
  /** The model's view of the session: ended by a sign-out here or everywhere. */
  live: boolean;
  faults: Fault[];
}

/** What the network saw: every mutation sent, and every answer a device received. */
interface Wire {
  sent: Map<string, Mutation>;
  acks: Array<{ mutationId: string; result: OriginalResult }>;
}

const original = (r: PushResult): OriginalResult => (r.status === 'duplicate' ? r.original : r);

async function seedUsers(server: Server): Promise<void> {
  const db = server.handle.db;
  const at = now.toISOString();
  await insertSchool(db, TEST_SCHOOL_ID, 'Lincoln Elementary', at);
  const passwordHash = await hashPassword(PASSWORD, fastCost);
  for (const u of users) {
    await insertUser(db, {
      id: u.id,
      email: u.email,
      name: `Observer ${u.email}`,
      passwordHash,
      districtAdmin: false,
      createdAt: at,
    });
    await setMembership(db, u.id, TEST_SCHOOL_ID, 'coach');
  }
}

function copyOf(tablet: Tablet, user: number): Copy {
  let copy = tablet.copies.get(user);
  if (!copy) {
    copy = { user, db: openLookforDb(`${tablet.name}-${databaseNameFor(users[user]!.id)}`) };
    tablet.copies.set(user, copy);
  }
  return copy;
}

async function signIn(tablet: Tablet, user: number): Promise<void> {
  const res = await tablet.client.post('/api/auth/login', {
    email: users[user]!.email,
    password: PASSWORD,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  tablet.account = user;
  tablet.live = true;
  copyOf(tablet, user);
}

async function signOut(tablets: Tablet[], tablet: Tablet, everywhere: boolean): Promise<void> {
  const res = await tablet.client.post(
    everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout',
  );
  if (everywhere) {
    // Signing out everywhere needs a live session (kept across restarts); an ended
    // one signs out here only.
    expect(res.status, await res.clone().text()).toBe(tablet.live ? 200 : 401);
    if (res.status === 401) await tablet.client.post('/api/auth/logout');
    else for (const t of tablets) if (t.account === tablet.account) t.live = false;
  }
  tablet.account = null;
  tablet.live = false;
}

function sync(server: Server, tablet: Tablet, copy: Copy, wire: Wire): Promise<SyncOutcome> {
  const deliver = async (url: string, init?: RequestInit): Promise<Response> => {
    const response = await tablet.client.request(url, init);
    if (url.includes('/api/sync/push') && response.ok) {
      const pushed = PushRequest.parse(JSON.parse(String(init?.body)));
      const answer = PushResponse.parse(await response.clone().json());
      answer.results.forEach((r, i) => {
        const m = pushed.mutations[i]!;
        wire.acks.push({ mutationId: m.mutationId, result: original(r) });
      });
    }
    return response;
  };
  return syncOnce({
    db: copy.db,
    baseUrl: BASE,
    now: () => new Date('2026-11-23T10:00:00Z'),
    runExclusive: (task) => task(),
    // Small batches and pages, so that a few notes already take several of each.
    batchSize: 2,
    pullLimit: 3,
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/api/sync/push')) {
        for (const m of PushRequest.parse(JSON.parse(String(init?.body))).mutations)
          wire.sent.set(m.mutationId, m);
      }
      const fault = tablet.faults.shift() ?? 'none';
      if (fault === 'lose-request') throw new TypeError('Failed to fetch');
      if (fault === 'restart-first') await server.restart();
      const response = await deliver(url, init);
      if (fault === 'lose-response') throw new TypeError('Failed to fetch');
      if (fault === 'deliver-twice') return deliver(url, init);
      return response;
    },
  });
}

/** Observations this copy holds and the user may still edit (not deleted). */
async function editable(copy: Copy): Promise<string[]> {
  const held = await copy.db.records.where('entity').equals('observation').toArray();
  return held.filter((r) => r.deleted === 0).map((r) => r.id);
}

type Written = { deleted: false; data: unknown } | { deleted: true };

/** What a run left on the server, for the fixed examples below to check they got there. */
interface Summary {
  notes: number;
  deleted: number;
  conflicts: number;
  restarts: number;
}

async function run(actions: Action[]): Promise<Summary> {
  const server = new Server();
  await server.start();
  await seedUsers(server);
  const target = {
    request: (input: string, init?: RequestInit) => server.app.request(input, init),
  };
  const tablets: Tablet[] = Array.from({ length: DEVICES }, () => ({
    name: `tablet-${crypto.randomUUID()}`,
    client: httpClient(target, { baseUrl: BASE }),
    copies: new Map(),
    account: null,
    live: false,
    faults: [],
  }));
  const wire: Wire = { sent: new Map(), acks: [] };
  /** The model: each copy's last write of each note, and which copies wrote each note. */
  const lastWrite = new Map<string, Written>();
  const writers = new Map<string, Set<string>>();
  const wrote = (d: number, copy: Copy, id: string, w: Written) => {
    const who = `${d}/${copy.user}`;
    lastWrite.set(`${who}/${id}`, w);
    writers.set(id, (writers.get(id) ?? new Set()).add(who));
  };
  let edits = 0;
  try {
    for (const [d, tablet] of tablets.entries()) await signIn(tablet, d % USERS);
    for (const a of actions) {
      if (a.kind === 'restart') {
        await server.restart();
        continue;
      }
      const tablet = tablets[a.device]!;
      const d = a.device;
      if (a.kind === 'sign-in') {
        // Switching user signs the present one out first; their notes stay in their database.
        if (tablet.account !== null && tablet.account !== a.user)
          await signOut(tablets, tablet, false);
        await signIn(tablet, a.user);
        continue;
      }
      // Signed out, the app shows only the sign-in screen: nothing is written or synced.
      if (tablet.account === null) continue;
      const copy = copyOf(tablet, tablet.account);
      if (a.kind === 'sign-out') {
        await signOut(tablets, tablet, a.everywhere);
      } else if (a.kind === 'create') {
        const o = await startObservation(
          copy.db,
          {
            schoolId: TEST_SCHOOL_ID,
            school: 'Lincoln Elementary',
            room: '114',
            gradeBand: '3-5',
            subject: 'Math',
            observer: `Observer ${copy.user}`,
          },
          blastEmpoweredLearning,
          now,
          users[copy.user]!.id,
        );
        wrote(d, copy, o.id, { deleted: false, data: o });
      } else if (a.kind === 'edit' || a.kind === 'delete') {
        const held = await editable(copy);
        if (held.length === 0) continue;
        const id = held[a.pick % held.length]!;
        if (a.kind === 'delete') {
          await deleteObservation(copy.db, id, now);
          wrote(d, copy, id, { deleted: true });
        } else {
          edits += 1;
          const notes = `device ${d} edit ${edits}`;
          await updateObservation(copy.db, id, (o) => ({ ...o, notes }), now);
          const stored = await copy.db.records.get(['observation', id]);
          wrote(d, copy, id, { deleted: false, data: stored?.data });
        }
      } else if (a.kind === 'resolve') {
        // The user settles a note's open conflicts, keeping their version or the current.
        const open = await copy.db.conflicts
          .where('[entity+entityId]')
          .between(['observation', ''], ['observation', '\uffff'])
          .filter((c) => c.resolved === 0)
          .toArray();
        const ids = [...new Set(open.map((c) => c.entityId))].sort();
        if (ids.length === 0) continue;
        const id = ids[a.pick % ids.length]!;
        const siblings = open.filter((c) => c.entityId === id);
        const current = await copy.db.records.get(['observation', id]);
        const chosen = a.mine
          ? siblings.find((c) => c.data !== null)?.data
          : current?.deleted === 0
            ? current.data
            : undefined;
        if (chosen === undefined || chosen === null) continue;
        await keepVersion(
          copy.db,
          'observation',
          id,
          chosen,
          siblings.map((c) => c.id),
          now,
        );
        wrote(d, copy, id, { deleted: false, data: chosen });
      } else if (a.kind === 'pull-from') {
        // Any cursor the device may hold: back to 0 or anywhere behind its own (a cursor
        // moves only from pull answers), or ahead of the server. A cursor ahead stands
        // for a server restored from a backup that lost the last numbers this device
        // had pulled, so it is set only on a device that holds everything up to now.
        const before = await readCursor(copy.db);
        const latest = await currentServerSeq(server.handle.db);
        if (a.ahead && before !== latest) continue;
        const at = a.ahead ? latest + 1 + (a.cursor % 5) : a.cursor % (before + 1);
        await setMeta(copy.db, 'cursor', at);
        const outcome = await sync(server, tablet, copy, wire);
        // The device learns of the restore only from a pull: one that never reached the
        // server leaves it where it was. (Known limit, docs/sync.md: a device that meets
        // the restored server only after others pushed past its cursor misses their rows.)
        if (a.ahead && !outcome.ok && (await readCursor(copy.db)) === at)
          await setMeta(copy.db, 'cursor', before);
      } else {
        tablet.faults = [...a.faults];
        const outcome = await sync(server, tablet, copy, wire);
        // On a sound network a sync with a live session (restarts keep sessions) goes
        // through, and an ended session stops it with a request to sign in.
        if (a.faults.length === 0)
          expect(outcome).toMatchObject(tablet.live ? { ok: true } : { reason: 'signin' });
      }
    }

    // The network heals: each device signs in as every user whose notes it holds, and
    // syncs, until nothing moves.
    for (const t of tablets) t.faults = [];
    for (let round = 0; round < 3; round += 1) {
      for (const t of tablets) {
        for (const copy of t.copies.values()) {
          if (t.account !== copy.user) {
            if (t.account !== null) await signOut(tablets, t, false);
            await signIn(t, copy.user);
          }
          let outcome = await sync(server, t, copy, wire);
          if (!t.live) {
            expect(outcome).toMatchObject({ ok: false, reason: 'signin' });
            // The session ended (signed out everywhere): the app asks to sign in again.
            await signIn(t, copy.user);
            outcome = await sync(server, t, copy, wire);
          }
          expect(outcome).toMatchObject({ ok: true });
        }
      }
    }
    return {
      ...(await checkInvariants(server, tablets, wire, lastWrite, writers)),
      restarts: server.restarts,
    };
  } finally {
    for (const t of tablets) for (const copy of t.copies.values()) await copy.db.delete();
    await server.dispose();
  }
}

async function checkInvariants(
  server: Server,
  tablets: Tablet[],
  wire: Wire,
  lastWrite: Map<string, Written>,
  writers: Map<string, Set<string>>,
): Promise<Omit<Summary, 'restarts'>> {
  const db = server.handle.db;
  const stored = await db
    .selectFrom('records')
    .select(['entity_id', 'rev', 'deleted', 'data', 'owner_id', 'server_seq'])
    .where('entity', '=', 'observation')
    .execute();
  const log = await db
    .selectFrom('mutations')
    .select(['mutation_id', 'entity_id', 'status', 'result'])
    .where('entity', '=', 'observation')
    .execute();
  const conflicts = await db
    .selectFrom('conflicts')
    .select(['id', 'entity_id', 'mutation_id', 'data', 'deleted', 'owner_id'])
    .where('entity', '=', 'observation')
    .execute();
  const results = new Map(
    log.map((m) => [m.mutation_id, OriginalResult.parse(JSON.parse(m.result))]),
  );

  // No mutation is applied twice: the log holds each mutation once, every one sent is
  // in it, and nothing was rejected.
  expect(results.size).toBe(log.length);
  expect(new Set(log.map((m) => m.mutation_id))).toEqual(new Set(wire.sent.keys()));
  expect(log.filter((m) => m.status === 'rejected')).toEqual([]);
  // Every answer a device received, first or replayed, is the one the server keeps.
  for (const ack of wire.acks) expect(ack.result).toEqual(results.get(ack.mutationId));

  const applied = [...wire.sent.values()].flatMap((m) => {
    const r = results.get(m.mutationId);
    return r?.status === 'applied' ? [{ m, r }] : [];
  });
  for (const record of stored) {
    const mine = applied
      .filter(({ m }) => m.entityId === record.entity_id)
      .sort((a, b) => a.r.rev - b.r.rev);
    // Each revision is one applied mutation that rested on the revision before it.
    expect(
      mine.map(({ r }) => r.rev),
      record.entity_id,
    ).toEqual(Array.from({ length: Number(record.rev) }, (_, i) => i + 1));
    for (const { m, r } of mine) expect(r.rev, m.mutationId).toBe((m.baseRev ?? 0) + 1);
    const seqs = mine.map(({ r }) => r.serverSeq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    // The server holds exactly the last acknowledged write.
    const last = mine.at(-1)!.m;
    expect(Boolean(record.deleted), record.entity_id).toBe(last.op === 'delete');
    if (last.op === 'put') expect(JSON.parse(record.data ?? 'null')).toEqual(last.data);
  }
  expect(new Set(stored.map((r) => r.entity_id))).toEqual(
    new Set([...wire.sent.values()].map((m) => m.entityId)),
  );

  // Every edit that lost a race (two edits from the same base) is kept as a conflict,
  // with what it carried.
  for (const m of wire.sent.values()) {
    const r = results.get(m.mutationId)!;
    if (r.status !== 'conflict') continue;
    const sibling = conflicts.find((c) => c.id === r.conflictId);
    expect(sibling, m.mutationId).toMatchObject({
      entity_id: m.entityId,
      mutation_id: m.mutationId,
      deleted: m.op === 'delete' ? 1 : 0,
    });
    if (m.op === 'put') expect(JSON.parse(sibling!.data ?? 'null')).toEqual(m.data);
  }
  const bases = new Map<string, number>();
  for (const { m } of applied) {
    const key = `${m.entityId}@${m.baseRev}`;
    bases.set(key, (bases.get(key) ?? 0) + 1);
  }
  for (const [key, n] of bases) expect(n, key).toBe(1);

  // A note only one copy ever wrote holds that copy's last write, and never meets
  // itself as a conflict, whatever the network lost, doubled or restarted.
  for (const [id, who] of writers) {
    if (who.size !== 1) continue;
    const [only] = [...who];
    const record = stored.find((r) => r.entity_id === id);
    const last = lastWrite.get(`${only}/${id}`)!;
    expect(Boolean(record?.deleted), id).toBe(last.deleted);
    if (!last.deleted) expect(JSON.parse(record?.data ?? 'null')).toEqual(last.data);
    expect(conflicts.filter((c) => c.entity_id === id)).toEqual([]);
  }
  // Nothing any copy wrote last is lost: it went out in a mutation the server applied
  // or kept as a conflict.
  for (const [key, w] of lastWrite) {
    const id = key.split('/')[2]!;
    const carried = [...wire.sent.values()].some(
      (m) =>
        m.entityId === id &&
        (w.deleted ? m.op === 'delete' : m.op === 'put' && equalJson(m.data, w.data)),
    );
    expect(carried, key).toBe(true);
  }

  // Every copy holds exactly the server's version of what its user may read, with
  // its conflicts, and nothing is left waiting.
  for (const t of tablets) {
    for (const copy of t.copies.values()) {
      const user = users[copy.user]!.id;
      expect(await copy.db.outbox.count()).toBe(0);
      const local = await copy.db.records.where('entity').equals('observation').toArray();
      const readable = stored.filter((r) => r.owner_id === user);
      expect(Object.fromEntries(local.map((l) => [l.id, view(l.rev, l.deleted, l.data)]))).toEqual(
        Object.fromEntries(
          readable.map((r) => [
            r.entity_id,
            view(Number(r.rev), Number(r.deleted), JSON.parse(r.data ?? 'null')),
          ]),
        ),
      );
      const siblings = await copy.db.conflicts.where('entity').equals('observation').toArray();
      expect(new Set(siblings.map((c) => c.id))).toEqual(
        new Set(conflicts.filter((c) => c.owner_id === user).map((c) => c.id)),
      );
    }
  }
  return {
    notes: stored.length,
    deleted: stored.filter((r) => r.deleted).length,
    conflicts: conflicts.length,
  };
}

const view = (rev: number | null, deleted: number, data: unknown) =>
  deleted ? { rev, deleted: true } : { rev, deleted: false, data };

const equalJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('sync invariants under lost requests, lost answers, double deliveries, sign-outs and restarts', () => {
  it(
    'keeps the last acknowledged write of every note once, keeps raced edits as conflicts, settles every outbox and leaves each copy with the server’s',
    async () => {
      const property = fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 40, size: 'max' }),
        async (actions) => {
          await run(actions);
        },
      );
      if (SECONDS === null) {
        await fc.assert(property, { numRuns: RUNS });
        return;
      }
      // The long run: rounds of fresh random sequences until the budget is spent. Each
      // round shrinks its own counter-example in full, whatever the clock says.
      const started = Date.now();
      let runs = 0;
      while (Date.now() - started < SECONDS * 1000 && runs < RUNS) {
        const round = Math.min(ROUND, RUNS - runs);
        await fc.assert(property, { numRuns: round });
        runs += round;
      }
      console.log(
        `sync properties: ${runs} runs in ${((Date.now() - started) / 1000).toFixed(1)} s, no counter-example`,
      );
    },
    // A long run gets its budget and time to shrink a counter-example.
    SECONDS !== null ? SECONDS * 1000 + 600_000 : Math.max(120_000, RUNS * 5_000),
  );
});

/**
 * Fixed sequences through the same model and checks: each reaches a case the random
 * runs meet only now and then. Devices 0 and 2 start as user 0, device 1 as user 1.
 */
describe('sync invariants on fixed sequences', () => {
  const sync = (d: number, faults: Fault[] = []): Action => ({ kind: 'sync', device: d, faults });

  it('keeps as a conflict the edit two devices made from the same base', async () => {
    const summary = await run([
      { kind: 'create', device: 0 },
      sync(0),
      sync(2),
      { kind: 'edit', device: 0, pick: 0 },
      { kind: 'edit', device: 2, pick: 0 },
      sync(0),
      sync(2),
    ]);
    expect(summary).toMatchObject({ notes: 1, conflicts: 1 });
  }, 30_000);

  it('keeps as a conflict an edit made from the base another device deleted', async () => {
    const summary = await run([
      { kind: 'create', device: 0 },
      sync(0),
      sync(2),
      { kind: 'delete', device: 0, pick: 0 },
      { kind: 'edit', device: 2, pick: 0 },
      sync(0, ['lose-response']),
      sync(2, ['deliver-twice']),
    ]);
    expect(summary).toMatchObject({ notes: 1, deleted: 1, conflicts: 1 });
  }, 30_000);

  it('sends notes written before a sign-out, and while the session had ended, after sign-in', async () => {
    const summary = await run([
      { kind: 'create', device: 0 },
      { kind: 'create', device: 2 },
      // Device 2 ends every session of user 0: device 0 keeps writing with a dead one.
      { kind: 'sign-out', device: 2, everywhere: true },
      { kind: 'edit', device: 0, pick: 0 },
      sync(0),
      // A second user on device 0; user 0's notes wait in their own database.
      { kind: 'sign-in', device: 0, user: 1 },
      { kind: 'create', device: 0 },
      sync(0),
      { kind: 'sign-in', device: 2, user: 0 },
      sync(2),
    ]);
    expect(summary).toMatchObject({ notes: 3, conflicts: 0 });
  }, 30_000);

  it('answers a retry after a restart as a duplicate, never a second write', async () => {
    const summary = await run([
      { kind: 'create', device: 1 },
      sync(1, ['lose-response']),
      { kind: 'restart' },
      { kind: 'edit', device: 1, pick: 0 },
      sync(1, ['restart-first', 'lose-response']),
      { kind: 'delete', device: 1, pick: 0 },
      sync(1, ['deliver-twice']),
    ]);
    expect(summary).toMatchObject({ notes: 1, deleted: 1, conflicts: 0, restarts: 2 });
  }, 30_000);

  // Counter-example (2026-11-30), met by this sequence as soon as settling conflicts
  // joined the model: two devices settled the same conflict; the server refused the
  // second choice ("Not an open conflict of this record"), so it sat in the outbox as
  // rejected until the user typed it again.
  it('keeps as a new conflict a second device’s choice for a conflict already settled', async () => {
    const summary = await run([
      { kind: 'create', device: 0 },
      sync(0),
      sync(2),
      { kind: 'edit', device: 0, pick: 0 },
      { kind: 'edit', device: 2, pick: 0 },
      sync(0),
      sync(2),
      sync(0),
      { kind: 'resolve', device: 0, pick: 0, mine: true },
      { kind: 'resolve', device: 2, pick: 0, mine: false },
      sync(0),
      sync(2),
    ]);
    expect(summary).toMatchObject({ notes: 1, conflicts: 2 });
  }, 30_000);

  it('starts again from 0 when its cursor is ahead of the server, and from any earlier one', async () => {
    const summary = await run([
      { kind: 'create', device: 0 },
      sync(0),
      sync(2),
      { kind: 'pull-from', device: 2, cursor: 3, ahead: true },
      { kind: 'create', device: 2 },
      { kind: 'delete', device: 0, pick: 0 },
      sync(0),
      { kind: 'pull-from', device: 2, cursor: 0, ahead: false },
    ]);
    expect(summary).toMatchObject({ notes: 2, deleted: 1, conflicts: 0 });
  }, 30_000);
});
