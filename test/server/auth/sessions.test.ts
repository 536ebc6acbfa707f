import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../src/server/auth/session';
import { hashToken } from '../../../src/server/auth/tokens';
import {
  DAY,
  readMe,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { cookieAttributes, expectError, sessionSetCookie } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('sessions on %s', (dialect) => {
  let server: AccountsServer;
  let admin: SignedIn;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
    admin = await setUpDistrictAdmin(server);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const signIn = async () => {
    const client = server.client();
    const res = await client.post('/api/auth/login', {
      email: admin.person.email,
      password: admin.person.password,
    });
    expect(res.status).toBe(200);
    return client;
  };
  const meWith = (token: string) =>
    server.app.request('/api/auth/me', { headers: { cookie: `${SESSION_COOKIE}=${token}` } });

  it('stores a session only as a hash of its cookie', async () => {
    const token = admin.client.session ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await server.db.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toEqual([
      {
        id_hash: hashToken(token),
        user_id: admin.me.user.id,
        created_at: server.clock.now().toISOString(),
        last_seen_at: server.clock.now().toISOString(),
        expires_at: new Date(server.clock.now().getTime() + 90 * DAY).toISOString(),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('gives every sign-in its own session', async () => {
    const second = await signIn();
    expect(second.session).not.toBe(admin.client.session);
    expect(await server.count('sessions')).toBe(2);
  });

  it('answers /me with 401 when no cookie is sent', async () => {
    await expectError(await server.client().get('/api/auth/me'), 401, 'unauthorized');
  });

  it('answers /me with 401 for a cookie it never issued', async () => {
    await expectError(await meWith('x'.repeat(43)), 401, 'unauthorized');
    await expectError(await meWith('x'.repeat(500)), 401, 'unauthorized');
  });

  it('answers /me with 401 for a stored hash sent as the cookie', async () => {
    await expectError(await meWith(hashToken(admin.client.session ?? '')), 401, 'unauthorized');
  });

  it('ends a session left unused for more than 90 days', async () => {
    server.clock.advance(89 * DAY);
    expect((await admin.client.get('/api/auth/me')).status).toBe(200);
    server.clock.advance(91 * DAY);
    await expectError(await admin.client.get('/api/auth/me'), 401, 'unauthorized');
  });

  it('keeps a session that is used at least every 90 days', async () => {
    for (let i = 0; i < 4; i++) {
      server.clock.advance(60 * DAY);
      expect((await admin.client.get('/api/auth/me')).status).toBe(200);
    }
  });

  it('ends an unused session after 91 days', async () => {
    server.clock.advance(91 * DAY);
    await expectError(await admin.client.get('/api/auth/me'), 401, 'unauthorized');
  });

  it('signs out this browser only', async () => {
    const other = await signIn();
    const token = admin.client.session ?? '';

    const res = await admin.client.post('/api/auth/logout', {});
    expect(res.status).toBe(200);
    const cleared = cookieAttributes(sessionSetCookie(res) ?? '');
    expect(cleared['max-age']).toBe('0');
    expect(admin.client.session).toBeNull();

    await expectError(await meWith(token), 401, 'unauthorized');
    expect((await readMe(other)).user.id).toBe(admin.me.user.id);
    expect(await server.count('sessions')).toBe(1);
  });

  it('answers a sign-out without a session calmly', async () => {
    const res = await server.client().post('/api/auth/logout', {});
    expect(res.status).toBe(200);
    expect(await server.count('sessions')).toBe(1);
  });

  it('signs out everywhere: every session of the user ends', async () => {
    const other = await signIn();
    const tokens = [admin.client.session ?? '', other.session ?? ''];

    const res = await admin.client.post('/api/auth/logout-everywhere', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, ended: 2 });

    for (const token of tokens) await expectError(await meWith(token), 401, 'unauthorized');
    await expectError(await other.get('/api/auth/me'), 401, 'unauthorized');
    expect(await server.count('sessions')).toBe(0);
  });

  it('refuses sign-out everywhere without a session', async () => {
    await expectError(
      await server.client().post('/api/auth/logout-everywhere', {}),
      401,
      'unauthorized',
    );
    expect(await server.count('sessions')).toBe(1);
  });
});
