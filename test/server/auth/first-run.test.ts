import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupTokenIfEmpty } from '../../../src/server/auth/first-run';
import { hashToken, newToken } from '../../../src/server/auth/tokens';
import { Token } from '../../../src/shared/account-requests';
import { person, readMe, startAccountsServer, type AccountsServer } from '../../support/accounts';
import { expectError, sessionSetCookie } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('first run on %s', (dialect) => {
  let server: AccountsServer;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const freshToken = async () => {
    const token = await setupTokenIfEmpty(server.db.db, server.clock.now());
    if (!token) throw new Error('expected a set-up token');
    return token;
  };
  const setup = (token: string, who = person()) =>
    server.client().post('/api/auth/setup', { token, ...who });

  it('makes a set-up token on an empty database and stores only its hash', async () => {
    const token = await freshToken();
    expect(Token.safeParse(token).success).toBe(true);
    const rows = await server.db.db.selectFrom('setup_tokens').selectAll().execute();
    expect(rows).toEqual([
      { token_hash: hashToken(token), created_at: server.clock.now().toISOString(), used_at: null },
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('makes no set-up token once an account exists', async () => {
    expect((await setup(await freshToken())).status).toBe(201);
    expect(await setupTokenIfEmpty(server.db.db, server.clock.now())).toBeNull();
  });

  it('replaces the previous unused token with a new one', async () => {
    const first = await freshToken();
    const second = await freshToken();
    expect(second).not.toBe(first);
    expect(await server.count('setup_tokens')).toBe(1);

    await expectError(await setup(first), 403, 'forbidden');
    expect(await server.count('users')).toBe(0);
    expect((await setup(second)).status).toBe(201);
  });

  it('creates a district admin from the set-up link and signs them in', async () => {
    const client = server.client();
    const who = person({ name: '  Dana Admin ', email: 'Dana.Admin@District.Example' });
    const res = await client.post('/api/auth/setup', { token: await freshToken(), ...who });

    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
    expect(sessionSetCookie(res)).toBeDefined();
    const me = await readMe(client);
    expect(me).toEqual({
      user: {
        id: expect.any(String),
        name: 'Dana Admin',
        email: 'dana.admin@district.example',
        districtAdmin: true,
      },
      memberships: [],
      schools: [],
    });
    const used = await server.db.db.selectFrom('setup_tokens').selectAll().execute();
    expect(used.map((t) => t.used_at)).toEqual([server.clock.now().toISOString()]);
  });

  it('accepts the set-up link once; a second use is forbidden', async () => {
    const token = await freshToken();
    expect((await setup(token)).status).toBe(201);
    const again = server.client();
    const res = await again.post('/api/auth/setup', { token, ...person() });
    await expectError(res, 403, 'forbidden');
    expect(sessionSetCookie(res)).toBeUndefined();
    expect(await server.count('users')).toBe(1);
  });

  it('refuses a wrong token', async () => {
    await freshToken();
    await expectError(await setup(newToken()), 403, 'forbidden');
    expect(await server.count('users')).toBe(0);
  });

  it('refuses a token when none was ever made', async () => {
    await expectError(await setup(newToken()), 403, 'forbidden');
    expect(await server.count('users')).toBe(0);
  });

  it('names every field that needs attention and creates nothing', async () => {
    const body = await expectError(
      await server.client().post('/api/auth/setup', {
        token: 'short',
        name: '',
        email: 'not-an-email',
        password: 'x',
      }),
      400,
      'invalid_request',
    );
    expect(body.error.details?.map((d) => d.path).sort()).toEqual([
      'email',
      'name',
      'password',
      'token',
    ]);
    expect(await server.count('users')).toBe(0);
  });

  it('names missing fields', async () => {
    const body = await expectError(
      await server.client().post('/api/auth/setup', {}),
      400,
      'invalid_request',
    );
    expect(body.error.details?.map((d) => d.path).sort()).toEqual([
      'email',
      'name',
      'password',
      'token',
    ]);
  });

  it('refuses a password shorter than 10 characters and keeps the link usable', async () => {
    const token = await freshToken();
    const body = await expectError(
      await setup(token, person({ password: '123456789' })),
      400,
      'invalid_request',
    );
    expect(body.error.details).toEqual([
      { path: 'password', message: 'Use at least 10 characters' },
    ]);
    expect(await server.count('users')).toBe(0);
    expect((await setup(token, person({ password: '1234567890' }))).status).toBe(201);
  });

  it('refuses a body that is not JSON', async () => {
    await expectError(
      await server.client().request('/api/auth/setup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"token":',
      }),
      400,
      'bad_json',
    );
  });

  // Simultaneous requests once all read the token as unused on PostgreSQL; the token
  // is now claimed by one UPDATE ... WHERE used_at IS NULL that counts rows.
  it('makes one district admin when the link is used three times at once', async () => {
    const token = await freshToken();
    const answers = await Promise.all([setup(token), setup(token), setup(token)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 403, 403]);
    expect(await server.count('users')).toBe(1);
  });
});
