import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCursor } from '../../../src/client/data/meta';
import {
  getObservation,
  keepVersion,
  outboxCounts,
  saveObservation,
  startObservation,
} from '../../../src/client/data/observations';
import { writeRecord } from '../../../src/client/data/write-record';
import { blastEmpoweredLearning } from '../../../src/shared/builtin-protocols';
import type { Observation } from '../../../src/shared/observation';
import { setResponse } from '../../../src/shared/observation-rules';
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
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));

describe('the sync engine against the real app', () => {
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

  /** Requests reach the server, but every answer is lost on the way back. */
  function loseResponses(d: Device): typeof fetch {
    const reachServer = d.fetch;
    d.fetch = async (input, init) => {
      await reachServer(input, init);
      throw new TypeError('Failed to fetch');
    };
    return reachServer;
  }

  async function capture(d: Device, notes: string): Promise<Observation> {
    const started = await startObservation(
      d.db,
      setup,
      blastEmpoweredLearning,
      at(0),
      TEST_USER_ID,
    );
    const tapped = setResponse(started, 'students-talk-to-peer', 'seen');
    await saveObservation(d.db, tapped, at(1));
    const noted = { ...tapped, notes };
    await saveObservation(d.db, noted, at(2));
    return noted;
  }

  it('pushes a captured observation once and empties the outbox', async () => {
    const note = await capture(tablet, 'Pairs compared strategies.');
    expect(await outboxCounts(tablet.db)).toMatchObject({ pending: 1 });

    expect(await tablet.sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(await tablet.db.outbox.count()).toBe(0);
    const stored = await server.pull(0);
    expect(stored.changes).toEqual([
      expect.objectContaining({ entityId: note.id, data: note, rev: 1 }),
    ]);
    expect((await getObservation(tablet.db, note.id))?.syncState).toBe('synced');
  });

  it('stores exactly one copy when a push response is lost and retried', async () => {
    const note = await capture(tablet, 'Lost response.');
    const reachServer = loseResponses(tablet);
    expect(await tablet.sync()).toMatchObject({ ok: false, reason: 'offline' });
    expect(await server.count('records')).toBe(1);
    expect(await tablet.db.outbox.count()).toBe(1);

    tablet.fetch = reachServer;
    expect(await tablet.sync()).toMatchObject({ ok: true });
    expect(await server.count('records')).toBe(1);
    expect(await server.count('mutations')).toBe(1);
    expect(await tablet.db.outbox.count()).toBe(0);
    expect((await getObservation(tablet.db, note.id))?.syncState).toBe('synced');
  });

  it('keeps an edit made while the first push was lost, without a false conflict', async () => {
    const note = await capture(tablet, 'First.');
    const reachServer = loseResponses(tablet);
    await tablet.sync();
    tablet.fetch = reachServer;
    await saveObservation(tablet.db, { ...note, notes: 'First. Then second.' }, at(5));

    expect(await tablet.sync()).toMatchObject({ ok: true });
    expect(await server.count('conflicts')).toBe(0);
    const stored = await server.pull(0);
    expect(stored.changes).toEqual([
      expect.objectContaining({
        rev: 2,
        data: expect.objectContaining({ notes: 'First. Then second.' }),
      }),
    ]);
    expect(await tablet.db.outbox.count()).toBe(0);
  });

  it('applies the rest of a batch and keeps an invalid note with its reason until it is fixed', async () => {
    const good = await capture(tablet, 'Good one.');
    // A note written by an older app version that answers a look-for the server does not know.
    const stale = observation({ responses: { 'retired-look-for': 'seen' } });
    await writeRecord(tablet.db, 'observation', stale.id, stale, { now: at(3) });

    expect(await tablet.sync()).toMatchObject({ ok: true });
    expect(await server.count('records')).toBe(1);
    const view = await getObservation(tablet.db, stale.id);
    expect(view?.syncState).toBe('rejected');
    expect(view?.rejections).toEqual([
      expect.objectContaining({ path: 'responses.retired-look-for' }),
    ]);
    expect(await outboxCounts(tablet.db)).toMatchObject({ rejected: 1, pending: 0 });
    expect((await getObservation(tablet.db, good.id))?.syncState).toBe('synced');

    // Syncing again does not resend it: the server would refuse it the same way.
    await tablet.sync();
    expect(await server.count('mutations')).toBe(2);

    const fixed = { ...stale, responses: { 'students-choose': 'seen' as const } };
    await saveObservation(tablet.db, fixed, at(6));
    expect(await tablet.sync()).toMatchObject({ ok: true });
    expect(await server.count('records')).toBe(2);
    expect(await tablet.db.outbox.count()).toBe(0);
    expect((await getObservation(tablet.db, stale.id))?.syncState).toBe('synced');
  });

  it('keeps both versions when two devices edit the same note, and settles on the chosen one', async () => {
    const other = device(server);
    try {
      const note = await capture(tablet, 'Shared start.');
      await tablet.sync();
      await other.sync();
      const onOther = await getObservation(other.db, note.id);
      expect(onOther?.observation).toEqual(note);

      await saveObservation(tablet.db, { ...note, notes: 'Tablet version.' }, at(10));
      await saveObservation(other.db, { ...note, notes: 'Other version.' }, at(11));
      await tablet.sync();
      await other.sync();

      const conflicted = await getObservation(other.db, note.id);
      expect(conflicted?.syncState).toBe('conflict');
      expect(conflicted?.observation.notes).toBe('Tablet version.');
      expect(conflicted?.conflicts.map((c) => c.data.notes)).toEqual(['Other version.']);
      expect(await server.count('conflicts')).toBe(1);

      await tablet.sync();
      expect((await getObservation(tablet.db, note.id))?.conflicts).toHaveLength(1);

      const kept = conflicted!.conflicts[0]!;
      await keepVersion(other.db, 'observation', kept.data.id, kept.data, [kept.id], at(12));
      await other.sync();
      await tablet.sync();
      const settled = await getObservation(tablet.db, note.id);
      expect(settled?.observation.notes).toBe('Other version.');
      expect(settled?.syncState).toBe('synced');
      expect((await getObservation(other.db, note.id))?.syncState).toBe('synced');
    } finally {
      other.close();
    }
  });

  it('survives a network failure in the middle of a run of batches', async () => {
    const notes = [];
    for (let i = 0; i < 5; i += 1) notes.push(await capture(tablet, `Room ${i}`));
    const reachServer = tablet.fetch;
    let pushes = 0;
    tablet.fetch = async (input, init) => {
      if (init?.method === 'POST' && ++pushes === 2) throw new TypeError('Failed to fetch');
      return reachServer(input, init);
    };
    expect(await tablet.sync({ batchSize: 2 })).toMatchObject({ ok: false, reason: 'offline' });
    // Two pushes are on their way at once: the third batch left before the second
    // failed, and its answer is settled all the same. The failed batch stays.
    expect(await server.count('records')).toBe(3);
    expect(await outboxCounts(tablet.db)).toMatchObject({ pending: 2 });

    tablet.fetch = reachServer;
    expect(await tablet.sync({ batchSize: 2 })).toMatchObject({ ok: true, pushed: 2 });
    expect(await server.count('records')).toBe(5);
    expect(await tablet.db.outbox.count()).toBe(0);
  });

  it('pulls across several pages and stores the cursor with the data', async () => {
    const writer = crypto.randomUUID();
    const records = Array.from({ length: 25 }, () => observation());
    await server.push(
      writer,
      records.map((r) => putMutation(writer, r, { clientId: writer })),
    );

    expect(await tablet.sync({ pullLimit: 4 })).toMatchObject({ ok: true, pulled: 25 });
    const pulledGets = tablet.requests.filter((u) => u.includes('/pull'));
    expect(pulledGets.length).toBe(7);
    expect(await tablet.db.records.count()).toBe(25);
    const latest = await server.pull(0, 1000);
    expect(await readCursor(tablet.db)).toBe(latest.cursor);
  });

  it('starts again from the beginning when the server cannot serve its cursor', async () => {
    const writer = crypto.randomUUID();
    await server.push(writer, [putMutation(writer, observation(), { clientId: writer })]);
    await tablet.db.meta.put({ key: 'cursor', value: 500 });
    expect(await tablet.sync()).toMatchObject({ ok: true, pulled: 1 });
    expect(await tablet.db.records.count()).toBe(1);
  });

  it('does nothing while another tab holds the sync lock', async () => {
    await capture(tablet, 'Waiting for the other tab.');
    const outcome = await tablet.sync({ runExclusive: async () => 'busy' as const });
    expect(outcome).toMatchObject({ ok: false, reason: 'busy' });
    expect(tablet.requests).toEqual([]);
    expect(await tablet.db.outbox.count()).toBe(1);
  });

  it('keeps notes and reports the message when the server refuses the push', async () => {
    await capture(tablet, 'Kept.');
    tablet.fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'internal', message: 'disk full' } }), {
        status: 503,
      });
    expect(await tablet.sync()).toMatchObject({
      ok: false,
      reason: 'server',
      message: 'disk full',
    });
    expect(await outboxCounts(tablet.db)).toMatchObject({ pending: 1 });
  });

  it('pauses when the session has ended, keeps every note, and resumes after sign-in', async () => {
    await capture(tablet, 'Taken after the session expired.');
    const signedIn = tablet.fetch;
    // The server no longer knows this device's session: requests arrive without one.
    tablet.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return server.app.request(url, init);
    };
    expect(await tablet.sync()).toMatchObject({ ok: false, reason: 'signin' });
    expect(await outboxCounts(tablet.db)).toMatchObject({ pending: 1 });
    expect(await server.count('records')).toBe(0);

    tablet.fetch = signedIn;
    expect(await tablet.sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(await tablet.db.outbox.count()).toBe(0);
  });
});
