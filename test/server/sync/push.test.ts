import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observation, putMutation } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('sync push on %s', (dialect) => {
  let server: TestServer;
  const clientA = crypto.randomUUID();
  const clientB = crypto.randomUUID();

  beforeEach(async () => {
    server = await startTestServer(dialect);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('applies a new observation at revision 1 with a server sequence number', async () => {
    const { results } = await server.push(clientA, [putMutation(clientA, observation())]);
    expect(results).toEqual([
      expect.objectContaining({ status: 'applied', rev: 1, serverSeq: expect.any(Number) }),
    ]);
    expect(await server.count('records')).toBe(1);
  });

  it('answers a replayed mutation with the original result and stores one copy', async () => {
    const mutation = putMutation(clientA, observation());
    const first = await server.push(clientA, [mutation]);
    const replay = await server.push(clientA, [mutation]);
    expect(replay.results[0]).toEqual({
      mutationId: mutation.mutationId,
      status: 'duplicate',
      original: first.results[0],
    });
    expect(await server.count('records')).toBe(1);
    expect(await server.count('mutations')).toBe(1);
  });

  it('applies the rest of a batch when one mutation is invalid and keeps the bad one', async () => {
    const good1 = putMutation(clientA, observation());
    const bad = putMutation(clientA, observation({ room: '', gradeBand: 'college' as never }));
    const good2 = putMutation(clientA, observation());
    const { results } = await server.push(clientA, [good1, bad, good2]);

    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    const rejected = results[1];
    if (rejected?.status !== 'rejected') throw new Error('expected a rejection');
    expect(rejected.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['room', 'gradeBand']),
    );
    expect(await server.count('records')).toBe(2);

    const kept = await server.db.db
      .selectFrom('mutations')
      .select(['payload', 'status'])
      .where('mutation_id', '=', bad.mutationId)
      .executeTakeFirstOrThrow();
    expect(kept.status).toBe('rejected');
    expect(JSON.parse(kept.payload ?? 'null')).toEqual(bad);
  });

  it('rejects responses to look-fors the protocol does not have', async () => {
    const record = observation({ responses: { 'not-a-look-for': 'seen' } });
    const { results } = await server.push(clientA, [putMutation(clientA, record)]);
    expect(results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ path: 'responses.not-a-look-for' }],
    });
    expect(await server.count('records')).toBe(0);
  });

  it('keeps both versions when two devices edit the same observation', async () => {
    const original = observation();
    await server.push(clientA, [putMutation(clientA, original)]);
    const fromA = { ...original, notes: 'A: two students used a number line.' };
    const fromB = { ...original, notes: 'B: the class sorted fractions on cards.' };

    const a = await server.push(clientA, [putMutation(clientA, fromA, { baseRev: 1 })]);
    const b = await server.push(clientB, [putMutation(clientB, fromB, { baseRev: 1 })]);

    expect(a.results[0]).toMatchObject({ status: 'applied', rev: 2 });
    expect(b.results[0]).toMatchObject({
      status: 'conflict',
      current: { rev: 2, deleted: false, data: fromA },
    });
    const pulled = await server.pull(0);
    const record = pulled.changes.find((c) => c.kind === 'record');
    const sibling = pulled.changes.find((c) => c.kind === 'conflict');
    expect(record).toMatchObject({ rev: 2, data: fromA });
    expect(sibling).toMatchObject({
      entityId: original.id,
      data: fromB,
      baseRev: 1,
      resolved: false,
    });
  });

  it('settles a conflict when the user keeps one version', async () => {
    const original = observation();
    await server.push(clientA, [putMutation(clientA, original)]);
    await server.push(clientA, [putMutation(clientA, { ...original, notes: 'A' }, { baseRev: 1 })]);
    const b = await server.push(clientB, [
      putMutation(clientB, { ...original, notes: 'B' }, { baseRev: 1 }),
    ]);
    const conflict = b.results[0];
    if (conflict?.status !== 'conflict') throw new Error('expected a conflict');

    const resolved = await server.push(clientB, [
      putMutation(
        clientB,
        { ...original, notes: 'B' },
        {
          baseRev: conflict.current.rev,
          resolves: [conflict.conflictId],
        },
      ),
    ]);
    expect(resolved.results[0]).toMatchObject({ status: 'applied', rev: 3 });
    const pulled = await server.pull(0);
    expect(pulled.changes.find((c) => c.kind === 'conflict')).toMatchObject({ resolved: true });
    expect(pulled.changes.find((c) => c.kind === 'record')).toMatchObject({
      rev: 3,
      data: { notes: 'B' },
    });
  });

  it('judges by its base, never rejects, a choice for a conflict another device settled', async () => {
    const original = observation();
    await server.push(clientA, [putMutation(clientA, original)]);
    await server.push(clientA, [putMutation(clientA, { ...original, notes: 'A' }, { baseRev: 1 })]);
    const b = await server.push(clientB, [
      putMutation(clientB, { ...original, notes: 'B' }, { baseRev: 1 }),
    ]);
    const conflict = b.results[0];
    if (conflict?.status !== 'conflict') throw new Error('expected a conflict');
    const settle = (client: string, notes: string) =>
      putMutation(
        client,
        { ...original, notes },
        { baseRev: conflict.current.rev, resolves: [conflict.conflictId] },
      );

    // Both devices settle the sibling from revision 2: the first choice wins, the
    // second was made from the same base and is kept as a conflict, not refused.
    const first = await server.push(clientA, [settle(clientA, 'kept B')]);
    expect(first.results[0]).toMatchObject({ status: 'applied', rev: 3 });
    const second = await server.push(clientB, [settle(clientB, 'kept A')]);
    expect(second.results[0]).toMatchObject({
      status: 'conflict',
      current: { rev: 3, data: { notes: 'kept B' } },
    });
    // Settled again from the new revision, it applies.
    const third = await server.push(clientB, [
      putMutation(
        clientB,
        { ...original, notes: 'kept A' },
        { baseRev: 3, resolves: [conflict.conflictId] },
      ),
    ]);
    expect(third.results[0]).toMatchObject({ status: 'applied', rev: 4 });
    expect(await server.count('mutations')).toBe(6);
  });

  it('rejects settling a conflict that does not exist', async () => {
    const record = observation();
    const { results } = await server.push(clientA, [
      putMutation(clientA, record, { resolves: [crypto.randomUUID()] }),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'resolves' }] });
    expect(await server.count('records')).toBe(0);
  });

  it('deletes with a tombstone that pulls as deleted', async () => {
    const record = observation();
    await server.push(clientA, [putMutation(clientA, record)]);
    const del = await server.push(clientA, [
      putMutation(clientA, record, { op: 'delete', baseRev: 1, data: null }),
    ]);
    expect(del.results[0]).toMatchObject({ status: 'applied', rev: 2 });
    const pulled = await server.pull(0);
    expect(pulled.changes).toEqual([
      expect.objectContaining({ kind: 'record', entityId: record.id, deleted: true, data: null }),
    ]);
  });
});
