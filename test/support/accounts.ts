import { expect } from 'vitest';
import type { ScryptCost } from '../../src/server/auth/password';
import { setupTokenIfEmpty } from '../../src/server/auth/first-run';
import { Me, type SchoolRole } from '../../src/shared/accounts';
import { httpClient, type ClientOptions, type HttpClient } from './http-client';
import { startTestServer, type TestServer, type TestServerOptions } from './server-app';

/** Low enough to keep a test fast; the parameters travel with each hash anyway. */
export const fastCost: ScryptCost = { N: 1024, r: 8, p: 1 };

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** A clock the test moves by hand. */
export function testClock(start = '2026-11-23T08:00:00.000Z') {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
  };
}
export type TestClock = ReturnType<typeof testClock>;

export interface AccountsServer extends TestServer {
  clock: TestClock;
  client: (options?: ClientOptions) => HttpClient;
  log: Array<{ message: string; error: unknown }>;
}

/** The real app with a cheap password cost and a hand-moved clock. */
export async function startAccountsServer(
  dialect: 'sqlite' | 'postgres',
  options: Pick<TestServerOptions, 'mail' | 'sso'> = {},
): Promise<AccountsServer> {
  const clock = testClock();
  const log: AccountsServer['log'] = [];
  const server = await startTestServer(dialect, {
    ...options,
    passwordCost: fastCost,
    now: clock.now,
    log: (message, error) => log.push({ message, error }),
  });
  return { ...server, clock, log, client: (options) => httpClient(server.app, options) };
}

export interface Person {
  name: string;
  email: string;
  password: string;
}

let people = 0;
export function person(overrides: Partial<Person> = {}): Person {
  people += 1;
  return {
    name: `Staff Member ${people}`,
    email: `staff${people}.${Math.random().toString(36).slice(2, 8)}@district.example`,
    password: `correct horse ${people}`,
    ...overrides,
  };
}

export async function readMe(client: HttpClient): Promise<Me> {
  const res = await client.get('/api/auth/me');
  expect(res.status, await res.clone().text()).toBe(200);
  return Me.parse(await res.json());
}

export interface SignedIn {
  client: HttpClient;
  person: Person;
  me: Me;
}

/** Runs first-time set-up and returns the signed-in district admin. */
export async function setUpDistrictAdmin(
  server: AccountsServer,
  who: Person = person({ name: 'Dana Admin' }),
): Promise<SignedIn> {
  const token = await setupTokenIfEmpty(server.db.db, server.clock.now());
  if (!token) throw new Error('the database already has an account');
  const client = server.client();
  const res = await client.post('/api/auth/setup', { token, ...who });
  expect(res.status, await res.clone().text()).toBe(201);
  return { client, person: who, me: await readMe(client) };
}

export async function createSchool(admin: HttpClient, name: string): Promise<string> {
  const res = await admin.post('/api/admin/schools', { name });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = (await res.json()) as { id: string };
  return body.id;
}

/** The secret in a `/#/invite/<token>` link. */
export function inviteToken(link: string): string {
  const match = /^\/#\/invite\/([A-Za-z0-9_-]+)$/.exec(link);
  if (!match?.[1]) throw new Error(`not an invite link: ${link}`);
  return match[1];
}

export async function invite(
  inviter: HttpClient,
  body: {
    schoolId: string | null;
    role: SchoolRole | 'district_admin';
    email?: string;
    name?: string;
  },
): Promise<string> {
  const res = await inviter.post('/api/admin/invites', body);
  expect(res.status, await res.clone().text()).toBe(201);
  const { link } = (await res.json()) as { link: string };
  return inviteToken(link);
}

/** Accepts an invite in a fresh browser and returns that browser, signed in. */
export async function acceptInvite(
  server: AccountsServer,
  token: string,
  who: Person = person(),
): Promise<SignedIn> {
  const client = server.client();
  const res = await client.post('/api/auth/accept-invite', { token, ...who });
  expect(res.status, await res.clone().text()).toBe(201);
  return { client, person: who, me: await readMe(client) };
}

/** Invites someone to a school (or district-wide) and has them accept. */
export async function addMember(
  server: AccountsServer,
  inviter: HttpClient,
  schoolId: string | null,
  role: SchoolRole | 'district_admin',
  who: Person = person(),
): Promise<SignedIn> {
  const token = await invite(inviter, { schoolId, role, email: who.email });
  return acceptInvite(server, token, who);
}

export async function auditRows(server: TestServer, action?: string) {
  let query = server.db.db.selectFrom('audit_log').selectAll();
  if (action) query = query.where('action', '=', action);
  return query.orderBy('at').execute();
}
