import { createApp, type AppOptions } from '../../src/server/app';
import { insertSession, insertUser, setMembership } from '../../src/server/auth/repository';
import { insertSchool } from '../../src/server/schools/repository';
import { SESSION_COOKIE } from '../../src/server/auth/session';
import { hashToken, newToken } from '../../src/server/auth/tokens';
import type { Database } from '../../src/server/db/schema';
import type { Queryable } from '../../src/server/db/queryable';
import type { SchoolRole } from '../../src/shared/accounts';
import type { Mutation, PullResponse, PushResponse } from '../../src/shared/sync';
import { TEST_SCHOOL_ID, TEST_USER_ID } from './factories';
import { createTestDb, type TestDb } from './test-db';

export interface TestServer {
  db: TestDb;
  app: ReturnType<typeof createApp>;
  push: (clientId: string, mutations: Mutation[], cookie?: string) => Promise<PushResponse>;
  pull: (cursor: number, limit?: number, cookie?: string) => Promise<PullResponse>;
  count: (table: keyof Database) => Promise<number>;
  /**
   * Signs requests in as the test user (a district admin, and coach of the test
   * school, whose ids the factories use). Made on first use, so a test of an empty
   * database stays empty.
   */
  cookie: () => Promise<string>;
}

export interface TestUser {
  id: string;
  districtAdmin?: boolean;
  roles?: Array<{ schoolId: string; role: SchoolRole }>;
}

/**
 * Creates a user (if new) with a session, written straight to the database, and
 * returns the Cookie header that signs requests in as them.
 */
export async function signedInCookie(db: Queryable, user: TestUser): Promise<string> {
  const now = new Date().toISOString();
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', user.id)
    .executeTakeFirst();
  if (!existing) {
    await insertUser(db, {
      id: user.id,
      email: `${user.id}@lookfor.test`,
      name: `User ${user.id.slice(0, 4)}`,
      passwordHash: 'scrypt$not-a-login',
      districtAdmin: user.districtAdmin ?? false,
      createdAt: now,
    });
  }
  for (const { schoolId, role } of user.roles ?? []) {
    const school = await db
      .selectFrom('schools')
      .select('id')
      .where('id', '=', schoolId)
      .executeTakeFirst();
    if (!school) await insertSchool(db, schoolId, `School ${schoolId.slice(0, 8)}`, now);
    await setMembership(db, user.id, schoolId, role);
  }
  const token = newToken();
  await insertSession(db, {
    idHash: hashToken(token),
    userId: user.id,
    now,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * Signs in several people at once, each with one role in one school (or none):
 * `{ teacher: [id, schoolId, 'teacher'], noSchool: [id] }` gives a cookie per name.
 */
export async function cookiesFor<K extends string>(
  db: Queryable,
  people: Record<K, readonly [id: string, schoolId?: string, role?: SchoolRole]>,
): Promise<Record<K, string>> {
  const cookies = {} as Record<K, string>;
  for (const [name, [id, schoolId, role]] of Object.entries(people) as Array<
    [K, readonly [string, string?, SchoolRole?]]
  >) {
    cookies[name] = await signedInCookie(db, {
      id,
      roles: schoolId && role ? [{ schoolId, role }] : [],
    });
  }
  return cookies;
}

/** What a test may change about the app; everything else is the production wiring. */
export type TestServerOptions = Pick<
  AppOptions,
  'now' | 'passwordCost' | 'log' | 'suppressBelow' | 'mail' | 'photoStore' | 'sso'
>;

/** The real Hono app over a real, migrated database, driven without a port. */
export async function startTestServer(
  dialect: 'sqlite' | 'postgres',
  options: TestServerOptions = {},
): Promise<TestServer> {
  const db = await createTestDb(dialect);
  const app = createApp({ db: db.db, readDb: db.readDb, log: () => undefined, ...options });
  let session: Promise<string> | null = null;
  const cookie = () =>
    (session ??= signedInCookie(db.db, {
      id: TEST_USER_ID,
      districtAdmin: true,
      roles: [{ schoolId: TEST_SCHOOL_ID, role: 'coach' }],
    }));
  return {
    db,
    app,
    cookie,
    async push(clientId, mutations, as) {
      const res = await app.request('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: as ?? (await cookie()) },
        body: JSON.stringify({ clientId, mutations }),
      });
      if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as PushResponse;
    },
    async pull(cursor, limit, as) {
      const query = limit === undefined ? `cursor=${cursor}` : `cursor=${cursor}&limit=${limit}`;
      const res = await app.request(`/api/sync/pull?${query}`, {
        headers: { cookie: as ?? (await cookie()) },
      });
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
