import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { protocolPut, round, roundPut, visit, walkProtocol } from '../../support/dashboard-seed';
import { putMutation } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const answers = ['seen', 'not_seen', 'na'] as const;

/** The dashboard's stored sums, in a form two databases can be compared by. */
async function totals(server: TestServer) {
  const rows = await server.db.db
    .selectFrom('observation_fact_totals')
    .selectAll()
    .orderBy(['round_id', 'observed_on', 'look_for_id'])
    .execute();
  return rows
    .map((r) => [r.look_for_id, Number(r.seen), Number(r.not_seen), Number(r.na)])
    .filter(([, seen, notSeen, na]) => seen !== 0 || notSeen !== 0 || na !== 0);
}

describe.each(dialects)('a push written set-based, on %s', (dialect) => {
  let server: TestServer;
  const client = crypto.randomUUID();
  const plan = round();

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await server.push(client, [protocolPut(client, walkProtocol()), roundPut(client, plan)]);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const finished = (room: number) =>
    visit(plan, room, {
      responses: { 'checks-understanding': answers[room % 3]!, 'wait-time': { level: 'long' } },
    });

  it('keeps the same facts and day totals as pushing the visits one at a time', async () => {
    const visits = Array.from({ length: 30 }, (_, i) => finished(i + 1));
    await server.push(
      client,
      visits.map((v) => putMutation(client, v)),
    );
    const oneByOne = await startTestServer(dialect);
    try {
      await oneByOne.push(client, [protocolPut(client, walkProtocol()), roundPut(client, plan)]);
      for (const v of visits) await oneByOne.push(client, [putMutation(client, v)]);
      expect(await totals(server)).toEqual(await totals(oneByOne));
      expect(await server.count('observation_facts')).toBe(
        await oneByOne.count('observation_facts'),
      );
    } finally {
      await oneByOne.db.dispose();
    }
    const progress = await server.db.db
      .selectFrom('records')
      .select('data')
      .where('entity', '=', 'round-progress')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(progress.data ?? '{}').visitedRoomIds).toHaveLength(30);
  });

  it('applies a record written twice in one batch in order, and counts only its last answers', async () => {
    const first = finished(1);
    const second = { ...first, responses: { 'checks-understanding': 'seen' as const } };
    const { results } = await server.push(client, [
      putMutation(client, first),
      putMutation(client, second, { baseRev: 1 }),
    ]);
    expect(results).toMatchObject([
      { status: 'applied', rev: 1 },
      { status: 'applied', rev: 2 },
    ]);
    const [a, b] = results;
    if (a?.status !== 'applied' || b?.status !== 'applied') throw new Error('expected applied');
    expect(b.serverSeq).toBeGreaterThan(a.serverSeq);
    expect(await totals(server)).toEqual([['checks-understanding', 1, 0, 0]]);
    const pulled = await server.pull(0);
    const record = pulled.changes.find((c) => c.kind === 'record' && c.entityId === first.id);
    expect(record).toMatchObject({ rev: 2 });
  });

  it('takes back the old answers when a stored visit is changed in a later push', async () => {
    const v = finished(3); // seen
    await server.push(client, [putMutation(client, v)]);
    expect(await totals(server)).toContainEqual(['checks-understanding', 1, 0, 0]);
    await server.push(client, [
      putMutation(client, { ...v, responses: { 'checks-understanding': 'na' } }, { baseRev: 1 }),
    ]);
    expect(await totals(server)).toEqual([['checks-understanding', 0, 0, 1]]);
  });

  it('answers a mutation sent twice in one batch once, and the copy as a duplicate', async () => {
    const m = putMutation(client, finished(2));
    const { results } = await server.push(client, [m, m]);
    expect(results[0]).toMatchObject({ status: 'applied', rev: 1 });
    expect(results[1]).toEqual({
      mutationId: m.mutationId,
      status: 'duplicate',
      original: results[0],
    });
    expect(await server.count('mutations')).toBe(3);
  });

  it('gives every write of a batch its own number, so a pull returns them in order', async () => {
    const visits = Array.from({ length: 10 }, (_, i) => finished(i + 1));
    const { results } = await server.push(
      client,
      visits.map((v) => putMutation(client, v)),
    );
    const seqs = results.map((r) => (r.status === 'applied' ? r.serverSeq : -1));
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    const pulled = await server.pull(0);
    const order = pulled.changes.filter((c) => c.entity === 'observation').map((c) => c.entityId);
    expect(order).toEqual(visits.map((v) => v.id));
  });

  it('rejects alone a mutation whose stored record cannot be read, keeps it, and applies the rest', async () => {
    const good1 = finished(3);
    const broken = finished(4);
    const good2 = finished(5);
    // A row no check can read: reading it throws, so the batch is applied one at a time.
    await server.db.db
      .insertInto('records')
      .values({
        entity: 'observation',
        entity_id: broken.id,
        rev: 1,
        deleted: 0,
        data: '{not json',
        server_seq: 1_000_000,
        updated_at: '2026-11-23T09:00:00.000Z',
        updated_by: client,
        owner_id: null,
        school_id: null,
        audience: 'owner',
        reader_id: null,
      })
      .execute();
    const bad = putMutation(client, broken, { baseRev: 1 });
    const { results } = await server.push(client, [
      putMutation(client, good1),
      bad,
      putMutation(client, good2),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    const kept = await server.db.db
      .selectFrom('mutations')
      .select(['payload', 'status'])
      .where('mutation_id', '=', bad.mutationId)
      .executeTakeFirstOrThrow();
    expect(kept.status).toBe('rejected');
    expect(JSON.parse(kept.payload ?? 'null')).toEqual(bad);
    const facts = await server.db.db
      .selectFrom('observation_facts')
      .select('observation_id')
      .distinct()
      .execute();
    expect(facts.map((f) => f.observation_id).sort()).toEqual([good1.id, good2.id].sort());
  });
});
