import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observation, putMutation } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

/** JSON text of a value nested `depth` levels deep, `{"a":{"a":...}}`, too deep to stringify. */
const nestedJson = (depth: number) => `${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`;

describe.each(dialects)('a push holding a malformed mutation, on %s', (dialect) => {
  let server: TestServer;
  const client = crypto.randomUUID();

  beforeEach(async () => {
    server = await startTestServer(dialect);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('rejects a mutation nested thousands of levels deep alone and applies the valid ones', async () => {
    const good1 = putMutation(client, observation());
    const deep = { ...putMutation(client, observation()), data: 'DEEP' };
    const good2 = putMutation(client, observation());
    // The device's request as it would arrive: the body is written out by hand, since
    // JSON.stringify itself cannot go that deep.
    const body = JSON.stringify({ clientId: client, mutations: [good1, deep, good2] }).replace(
      '"DEEP"',
      nestedJson(100_000),
    );
    const push = async () => {
      const res = await server.app.request('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: await server.cookie() },
        body,
      });
      expect(res.status).toBe(200);
      return (await res.json()) as Awaited<ReturnType<TestServer['push']>>;
    };
    const { results } = await push();
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    const rejected = results[1];
    if (rejected?.status !== 'rejected') throw new Error('expected a rejection');
    expect(rejected.errors[0]?.message).toMatch(/nested/i);
    const kept = await server.db.db
      .selectFrom('mutations')
      .select(['payload', 'status'])
      .where('mutation_id', '=', deep.mutationId)
      .executeTakeFirstOrThrow();
    expect(kept.status).toBe('rejected');
    // Kept for review, cut short with the reason: the whole value could not be stored.
    expect(JSON.parse(kept.payload ?? 'null')).toMatchObject({
      mutationId: deep.mutationId,
      truncated: expect.stringMatching(/nested/i),
    });
    // The device's retry of the same batch is answered, not refused again.
    const again = await push();
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('rejects alone an id holding a NUL byte, which PostgreSQL cannot store, and keeps it readable', async () => {
    const good = putMutation(client, observation());
    const note = observation();
    const nul = { ...putMutation(client, note), entityId: `${note.id}\u0000x` };
    const { results } = await server.push(client, [good, nul]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(results[1]).toMatchObject({ errors: [{ path: 'entityId' }] });
    const kept = await server.db.db
      .selectFrom('mutations')
      .select(['entity_id', 'payload'])
      .where('mutation_id', '=', nul.mutationId)
      .executeTakeFirstOrThrow();
    expect(kept.entity_id).toBe(`${note.id}\uFFFDx`);
    expect(JSON.parse(kept.payload ?? 'null')).toMatchObject({ data: { id: note.id } });
  });
});
