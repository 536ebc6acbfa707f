import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPullProgress, type PullProgress } from '../../../src/client/data/meta';
import {
  outboxCounts,
  saveObservation,
  startObservation,
} from '../../../src/client/data/observations';
import type { SyncOutcome } from '../../../src/client/sync/engine';
import { createScheduler } from '../../../src/client/sync/scheduler';
import { blastEmpoweredLearning } from '../../../src/shared/builtin-protocols';
import type { Observation } from '../../../src/shared/observation';
import { setResponse } from '../../../src/shared/observation-rules';
import { allLookFors } from '../../../src/shared/protocol';
import type { PushRequest } from '../../../src/shared/sync';
import { device, type Device } from '../../support/client-device';
import { observation, putMutation, TEST_SCHOOL_ID, TEST_USER_ID } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';

const setup = {
  schoolId: TEST_SCHOOL_ID,
  school: 'Lincoln Elementary',
  room: '114',
  gradeBand: '3-5' as const,
  subject: 'Math',
  observer: 'Coach Rivera',
};
const at = (second: number) => new Date(Date.UTC(2026, 10, 23, 9, 0, second));
const lookFors = allLookFors(blastEmpoweredLearning).map((l) => l.id);

describe('syncing in bulk against the real app', () => {
  let server: TestServer;
  let tablet: Device;

  beforeEach(async () => {
    server = await startTestServer('sqlite');
    tablet = device(server);
  });
  afterEach(async () => {
    tablet.close();
    await server.db.dispose();
  });

  /** Taps `count` look-fors of a new observation, one save per tap. */
  async function tapped(count: number, from = 0): Promise<Observation> {
    let note = await startObservation(
      tablet.db,
      setup,
      blastEmpoweredLearning,
      at(0),
      TEST_USER_ID,
    );
    for (let i = 0; i < count; i += 1) {
      note = setResponse(note, lookFors[i % lookFors.length]!, i % 2 ? 'seen' : 'not_seen');
      await saveObservation(tablet.db, note, at(from + i + 1));
    }
    return note;
  }

  it('folds twelve taps made offline into one mutation per record', async () => {
    let online = false;
    const isOnline = () => online;
    const reachServer = tablet.fetch;
    tablet.fetch = async (input, init) => {
      if (!online) throw new TypeError('Failed to fetch');
      return reachServer(input, init);
    };
    const first = await startObservation(
      tablet.db,
      setup,
      blastEmpoweredLearning,
      at(0),
      TEST_USER_ID,
    );
    let note = first;
    for (let i = 0; i < 12; i += 1) {
      // Eight look-fors: the last four taps change an answer already given.
      const answer = i < lookFors.length ? 'seen' : 'not_seen';
      note = setResponse(note, lookFors[i % lookFors.length]!, answer);
      await saveObservation(tablet.db, note, at(i + 1));
      // Every trigger while offline (a timer, the button) tries and must take nothing.
      expect(await tablet.sync({ isOnline })).toMatchObject({ ok: false, reason: 'offline' });
    }
    const other = await tapped(3);

    const rows = await tablet.db.outbox.toArray();
    expect(rows.map((r) => [r.entityId, r.state])).toEqual([
      [first.id, 'pending'],
      [other.id, 'pending'],
    ]);
    expect(rows[0]?.data).toEqual(note);

    online = true;
    expect(await tablet.sync({ isOnline })).toMatchObject({ ok: true, pushed: 2 });
    expect(await server.count('mutations')).toBe(2);
    expect(await tablet.db.outbox.count()).toBe(0);
    const stored = await server.pull(0);
    expect(stored.changes.find((c) => c.entityId === first.id)).toMatchObject({ data: note });
  });

  it('never unfreezes a row that may have reached the server when the device goes offline', async () => {
    const note = await tapped(1);
    const reachServer = tablet.fetch;
    tablet.fetch = async (input, init) => {
      await reachServer(input, init);
      throw new TypeError('Failed to fetch');
    };
    expect(await tablet.sync()).toMatchObject({ ok: false, reason: 'offline' });
    const [sent] = await tablet.db.outbox.toArray();
    expect(sent?.state).toBe('sent');

    tablet.fetch = reachServer;
    for (let i = 0; i < 5; i += 1) {
      await saveObservation(tablet.db, { ...note, notes: `offline ${i}` }, at(10 + i));
      await tablet.sync({ isOnline: () => false });
    }
    const rows = await tablet.db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.state)).toEqual(['sent', 'pending']);
    expect(rows[0]).toEqual(sent);

    expect(await tablet.sync({ isOnline: () => true })).toMatchObject({ ok: true, pushed: 2 });
    expect(await server.count('mutations')).toBe(2);
    expect(await server.count('conflicts')).toBe(0);
    expect((await server.pull(0)).changes[0]).toMatchObject({
      rev: 2,
      data: { notes: 'offline 4' },
    });
  });

  it('keeps every row through a busy answer and settles them on the retry the server asked for', async () => {
    const notes = [await tapped(2), await tapped(2)];
    const reachServer = tablet.fetch;
    const pushed: string[][] = [];
    let busyOnce = true;
    tablet.fetch = async (input, init) => {
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as PushRequest;
        pushed.push(body.mutations.map((m) => m.mutationId));
        if (busyOnce) {
          busyOnce = false;
          return new Response(
            JSON.stringify({ error: { code: 'busy', message: 'the server is busy' } }),
            { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '2' } },
          );
        }
      }
      return reachServer(input, init);
    };

    const timers: Array<{ fn: () => void; ms: number }> = [];
    const outcomes: SyncOutcome[] = [];
    const scheduler = createScheduler({
      run: async () => {
        const outcome = await tablet.sync();
        outcomes.push(outcome);
        return outcome;
      },
      random: () => 0,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => {},
      now: () => 0,
      isOnline: () => true,
    });

    await scheduler.trigger();
    expect(outcomes[0]).toMatchObject({ ok: false, reason: 'server', retryAfterMs: 2_000 });
    expect(await outboxCounts(tablet.db)).toMatchObject({ pending: 2 });
    expect((await tablet.db.outbox.toArray()).map((r) => r.state)).toEqual(['sent', 'sent']);
    expect(await server.count('mutations')).toBe(0);
    // The normal first retry with this jitter would come after 1 s; the server asked for 2.
    expect(timers.at(-1)?.ms).toBe(2_000);

    timers.at(-1)?.fn();
    await scheduler.trigger();
    expect(outcomes[1]).toMatchObject({ ok: true, pushed: 2 });
    expect(pushed).toHaveLength(2);
    expect(pushed[1]).toEqual(pushed[0]);
    expect(await tablet.db.outbox.count()).toBe(0);
    expect(await server.count('records')).toBe(notes.length);
    scheduler.stop();
  });

  it('shows how far a first pull has come while pages remain', async () => {
    const writer = crypto.randomUUID();
    await server.push(
      writer,
      Array.from({ length: 25 }, () => putMutation(writer, observation(), { clientId: writer })),
    );
    const latest = (await server.pull(0, 1000)).cursor;
    const reachServer = tablet.fetch;
    const seen: Array<PullProgress | null> = [];
    tablet.fetch = async (input, init) => {
      seen.push(await readPullProgress(tablet.db));
      return reachServer(input, init);
    };

    expect(await tablet.sync({ pullLimit: 10 })).toMatchObject({ ok: true, pulled: 25 });
    // The first look at the newest records, then three pull pages.
    expect(seen).toEqual([null, null, { cursor: 10, latest }, { cursor: 20, latest }]);
    expect(await readPullProgress(tablet.db)).toBeNull();
  });

  it('pushes 1,200 waiting notes in three batches and does not pull its own notes back', async () => {
    const notes = Array.from({ length: 1200 }, () => observation());
    await tablet.db.records.bulkAdd(
      notes.map((n) => ({
        entity: 'observation' as const,
        id: n.id,
        data: n,
        rev: null,
        deleted: 0 as const,
        updatedAt: '2026-11-23T09:00:00.000Z',
      })),
    );
    await tablet.db.outbox.bulkAdd(
      notes.map((n) => ({
        mutationId: crypto.randomUUID(),
        entity: 'observation' as const,
        entityId: n.id,
        op: 'put' as const,
        baseRev: null,
        data: n,
        deviceTime: '2026-11-23T09:00:00.000Z',
        state: 'pending' as const,
        attempts: 0,
      })),
    );

    expect(await tablet.sync()).toMatchObject({ ok: true, pushed: 1200, pulled: 0 });
    const posts = tablet.requests.filter((u) => u.includes('/push'));
    const pulls = tablet.requests.filter((u) => u.includes('/pull'));
    expect(posts).toHaveLength(3);
    // The device holds what it pushed and learnt each revision from the push.
    expect(pulls).toEqual([expect.stringMatching(/limit=1000&clientId=[0-9a-f-]{36}$/)]);
    expect(await tablet.db.outbox.count()).toBe(0);
    expect(await tablet.db.records.filter((r) => r.rev === 1).count()).toBe(1200);
  });

  it('sends an edit made during a push after the answer it rests on, while other batches go on', async () => {
    const first = await tapped(1);
    const others = await Promise.all([tapped(1), tapped(1), tapped(1)]);
    const reachServer = tablet.fetch;
    let edited = false;
    tablet.fetch = async (input, init) => {
      const response = await reachServer(input, init);
      if (!edited && String(input).includes('/push')) {
        // The first note is edited while its first push is on its way.
        edited = true;
        await saveObservation(tablet.db, setResponse(first, lookFors[1]!, 'seen'), at(30));
      }
      return response;
    };
    expect(await tablet.sync({ batchSize: 2 })).toMatchObject({ ok: true, pushed: 5 });
    const pushes = tablet.requests.filter((u) => u.includes('/push'));
    expect(pushes).toHaveLength(3);
    expect(await tablet.db.outbox.count()).toBe(0);
    expect(await server.count('conflicts')).toBe(0);
    const stored = await server.db.db
      .selectFrom('records')
      .select(['entity_id', 'rev'])
      .where('entity', '=', 'observation')
      .execute();
    expect(stored.find((r) => r.entity_id === first.id)?.rev).toBe(2);
    expect(stored.filter((r) => others.some((o) => o.id === r.entity_id))).toHaveLength(3);
  });
});
