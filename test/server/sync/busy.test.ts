import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { observation, putMutation, TEST_SCHOOL_ID, TEST_USER_ID } from '../../support/factories';
import { signedInCookie } from '../../support/server-app';
import { createTestDb, postgresUrl, testDialects, type TestDb } from '../../support/test-db';

const dialects = await testDialects();

/** Another writer that holds the lock a push needs until it is released. */
async function holdWriteLock(db: TestDb): Promise<() => Promise<void>> {
  if (db.sqliteFile) {
    const other = new SqliteDatabase(db.sqliteFile);
    other.prepare('begin immediate').run();
    return async () => {
      other.prepare('commit').run();
      other.close();
    };
  }
  const other = new pg.Client({ connectionString: postgresUrl });
  await other.connect();
  await other.query(`set search_path = ${db.schema}`);
  await other.query('begin');
  await other.query("update counters set value = value where name = 'server_seq'");
  return async () => {
    await other.query('commit');
    await other.end();
  };
}

describe.each(dialects)('a push that cannot get its lock in time, on %s', (dialect) => {
  let db: TestDb;
  let app: ReturnType<typeof createApp>;
  let cookie: string;
  const client = crypto.randomUUID();

  beforeEach(async () => {
    db = await createTestDb(dialect, { lockTimeoutMs: 200 });
    app = createApp({ db: db.db, readDb: db.readDb, log: () => undefined });
    cookie = await signedInCookie(db.db, {
      id: TEST_USER_ID,
      districtAdmin: true,
      roles: [{ schoolId: TEST_SCHOOL_ID, role: 'coach' }],
    });
  });
  afterEach(async () => {
    await db.dispose();
  });

  const push = (body: unknown) =>
    app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });

  it('answers 503 with Retry-After, stores nothing, and applies the same push once the lock is free', async () => {
    const mutation = putMutation(client, observation());
    const release = await holdWriteLock(db);
    let busy: Response;
    try {
      busy = await push({ clientId: client, mutations: [mutation] });
    } finally {
      await release();
    }
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await busy.json()).toMatchObject({ error: { code: 'busy' } });
    expect(busy.headers.get('cache-control')).toBe('no-store');
    const stored = await db.db.selectFrom('mutations').select('mutation_id').execute();
    expect(stored).toEqual([]);

    const retry = await push({ clientId: client, mutations: [mutation] });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ results: [{ status: 'applied', rev: 1 }] });
  });

  it('serves pulls, sessions and the dashboard while a push holds the writing connection', async () => {
    // A transaction on the app's own writer, as a long push would hold it: on SQLite the
    // one writing connection is taken, so these answers come from the read connection.
    const trx = await db.db.startTransaction().execute();
    try {
      await trx
        .updateTable('counters')
        .set((eb) => ({ value: eb('value', '+', 0) }))
        .where('name', '=', 'server_seq')
        .execute();
      const pull = await app.request('/api/sync/pull?cursor=0', { headers: { cookie } });
      expect(pull.status).toBe(200);
      const options = await app.request('/api/dashboard/options', { headers: { cookie } });
      expect(options.status).toBe(200);
    } finally {
      await trx.commit().execute();
    }
  });
});
