import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observation, putMutation } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('sync pull on %s', (dialect) => {
  let server: TestServer;
  const client = crypto.randomUUID();

  beforeEach(async () => {
    server = await startTestServer(dialect);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('pages through changes in server order without repeats or gaps', async () => {
    const records = Array.from({ length: 23 }, () => observation());
    await server.push(
      client,
      records.map((r) => putMutation(client, r)),
    );

    const seen: string[] = [];
    const seqs: number[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await server.pull(cursor, 5);
      pages += 1;
      for (const change of page.changes) {
        seen.push(change.entityId);
        seqs.push(change.serverSeq);
      }
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(records.map((r) => r.id));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('returns nothing new and keeps the cursor when up to date', async () => {
    await server.push(client, [putMutation(client, observation())]);
    const first = await server.pull(0);
    const again = await server.pull(first.cursor);
    expect(again).toEqual({
      changes: [],
      cursor: first.cursor,
      hasMore: false,
      reset: false,
      latest: first.cursor,
    });
  });

  it('says how far the server goes, so a device can show its progress', async () => {
    await server.push(
      client,
      Array.from({ length: 6 }, () => putMutation(client, observation())),
    );
    const first = await server.pull(0, 2);
    const last = await server.pull(0, 10);
    expect(first).toMatchObject({ hasMore: true, latest: last.cursor });
    expect(first.cursor).toBeLessThan(last.cursor);
  });

  it('tells a client to start again when its cursor is ahead of the server', async () => {
    await server.push(client, [putMutation(client, observation())]);
    const answer = await server.pull(9999);
    expect(answer).toMatchObject({ reset: true, cursor: 0, changes: [] });
  });

  it('never lets a reader skip a change while writers push concurrently', async () => {
    const writers = Array.from({ length: 12 }, (_, i) => {
      const id = crypto.randomUUID();
      return Array.from({ length: 3 }, () => observation({ room: `W${i}` })).map((r) =>
        putMutation(id, r, { clientId: id }),
      );
    });
    const expected = new Set(writers.flat().map((m) => m.entityId));
    const received = new Set<string>();
    let cursor = 0;
    let done = false;
    const reader = (async () => {
      for (;;) {
        // Only a pull that started after every writer finished may end the loop.
        const writersFinished = done;
        const page = await server.pull(cursor, 4);
        for (const c of page.changes) received.add(c.entityId);
        cursor = page.cursor;
        if (writersFinished && !page.hasMore) break;
      }
    })();
    await Promise.all(writers.map((batch) => server.push(batch[0]!.clientId, batch)));
    done = true;
    await reader;
    expect(received).toEqual(expected);
  });

  it('leaves out what the pulling device pushed itself, but not what the server changed or others wrote', async () => {
    const mine = observation();
    const theirs = observation();
    const other = crypto.randomUUID();
    await server.push(client, [putMutation(client, mine)]);
    await server.push(other, [putMutation(other, theirs, { clientId: other })]);
    const cookie = await server.cookie();
    const res = await server.app.request(`/api/sync/pull?cursor=0&clientId=${client}`, {
      headers: { cookie },
    });
    const page = (await res.json()) as Awaited<ReturnType<TestServer['pull']>>;
    expect(page.changes.map((c) => c.entityId)).toEqual([theirs.id]);
    // Its cursor still moves past the records it was spared.
    expect(page.cursor).toBeGreaterThanOrEqual((await server.pull(0)).cursor);
    // Without a clientId, as before: everything readable.
    expect((await server.pull(0)).changes.map((c) => c.entityId)).toEqual([mine.id, theirs.id]);
  });

  it('sends back a version the server changed, even to the device that pushed it', async () => {
    // A field the check strips: the stored version is not what the device sent.
    const sent = { ...observation(), extra: 'not in the schema' };
    await server.push(client, [putMutation(client, sent as never)]);
    const cookie = await server.cookie();
    const res = await server.app.request(`/api/sync/pull?cursor=0&clientId=${client}`, {
      headers: { cookie },
    });
    const page = (await res.json()) as Awaited<ReturnType<TestServer['pull']>>;
    expect(page.changes.map((c) => c.entityId)).toEqual([sent.id]);
  });

  it('refuses a clientId that is not a device id', async () => {
    const cookie = await server.cookie();
    const res = await server.app.request('/api/sync/pull?cursor=0&clientId=nope', {
      headers: { cookie },
    });
    expect(res.status).toBe(400);
  });

  it('gives a new device the newest records first, live ones only, without moving any cursor', async () => {
    const records = Array.from({ length: 6 }, () => observation());
    await server.push(
      client,
      records.map((r) => putMutation(client, r)),
    );
    await server.push(client, [
      { ...putMutation(client, records[5]!, { baseRev: 1 }), op: 'delete', data: null },
    ]);
    const cookie = await server.cookie();
    const res = await server.app.request('/api/sync/recent?limit=3', { headers: { cookie } });
    expect(res.status).toBe(200);
    const { changes } = (await res.json()) as { changes: Array<{ entityId: string }> };
    expect(changes.map((c) => c.entityId)).toEqual([
      records[4]!.id,
      records[3]!.id,
      records[2]!.id,
    ]);
    const bad = await server.app.request('/api/sync/recent?limit=5000', { headers: { cookie } });
    expect(bad.status).toBe(400);
  });
});
