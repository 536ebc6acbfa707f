import { createApp } from '../../src/server/app';
import type { Mutation, PullResponse, PushResponse } from '../../src/shared/sync';
import { createTestDb, type TestDb } from './test-db';

export interface TestServer {
  db: TestDb;
  app: ReturnType<typeof createApp>;
  push: (clientId: string, mutations: Mutation[]) => Promise<PushResponse>;
  pull: (cursor: number, limit?: number) => Promise<PullResponse>;
  count: (table: 'records' | 'conflicts' | 'mutations') => Promise<number>;
}

/** The real Hono app over a real, migrated database, driven without a port. */
export async function startTestServer(dialect: 'sqlite' | 'postgres'): Promise<TestServer> {
  const db = await createTestDb(dialect);
  const app = createApp({ db: db.db, log: () => undefined });
  return {
    db,
    app,
    async push(clientId, mutations) {
      const res = await app.request('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, mutations }),
      });
      if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as PushResponse;
    },
    async pull(cursor, limit) {
      const query = limit === undefined ? `cursor=${cursor}` : `cursor=${cursor}&limit=${limit}`;
      const res = await app.request(`/api/sync/pull?${query}`);
      if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as PullResponse;
    },
    async count(table) {
      const row = await db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
