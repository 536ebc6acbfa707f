import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupTokenIfEmpty } from '../../../src/server/auth/first-run';
import { ErrorBody } from '../../../src/shared/errors';
import {
  person,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
} from '../../support/accounts';
import { expectError, expectNoInternals } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('error answers on %s', (dialect) => {
  let server: AccountsServer;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const internal = async (res: Response) => {
    const body = await expectError(res, 500, 'internal');
    expect(body).toEqual({
      error: {
        code: 'internal',
        message: 'Something went wrong on the server; nothing was half-stored',
      },
    });
  };

  it('hides a database failure during sign-in behind a plain 500, and logs it', async () => {
    const admin = await setUpDistrictAdmin(server);
    await server.db.db.schema.dropTable('login_attempts').execute();
    await internal(
      await server.client().post('/api/auth/login', {
        email: admin.person.email,
        password: admin.person.password,
      }),
    );
    expect(server.log).toHaveLength(1);
    expect(server.log[0]?.message).toBe('unhandled error on POST /api/auth/login');
    expect(String(server.log[0]?.error)).toMatch(/login_attempts/);
  });

  it('stores nothing of a set-up that fails half-way', async () => {
    const token = await setupTokenIfEmpty(server.db.db, server.clock.now());
    await server.db.db.schema.dropTable('audit_log').execute();
    await internal(await server.client().post('/api/auth/setup', { token, ...person() }));
    expect(await server.count('users')).toBe(0);
    const stored = await server.db.db.selectFrom('setup_tokens').select('used_at').execute();
    expect(stored).toEqual([{ used_at: null }]);
  });

  it('stores nothing of a school whose creation fails half-way', async () => {
    const admin = await setUpDistrictAdmin(server);
    await server.db.db.schema.dropTable('audit_log').execute();
    await internal(await admin.client.post('/api/admin/schools', { name: 'Lincoln Elementary' }));
    expect(await server.count('schools')).toBe(0);
  });

  it('answers every refusal in the shared shape without internals', async () => {
    const admin = await setUpDistrictAdmin(server);
    const stranger = server.client();
    const refusals: Array<Promise<Response>> = [
      stranger.get('/api/auth/me'),
      stranger.post('/api/auth/login', { email: 'x@y.example', password: 'nope' }),
      stranger.post('/api/auth/login', { email: 42, password: ['x'] }),
      stranger.post('/api/auth/setup', {
        token: "' or 1=1 --",
        name: 'x',
        email: 'x',
        password: 'x',
      }),
      stranger.post('/api/auth/accept-invite', { token: 'a'.repeat(43), ...person() }),
      stranger.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"email":',
      }),
      stranger.post('/api/admin/schools', { name: 'x' }),
      admin.client.post('/api/admin/invites', {
        schoolId: "'; drop table users; --",
        role: 'teacher',
      }),
      admin.client.post('/api/admin/roster', { csv: 'name,email\n"unterminated' }),
      admin.client.post('/api/admin/memberships', {}),
      admin.client.get('/api/admin/nope'),
    ];
    for (const res of await Promise.all(refusals)) {
      const text = await res.text();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectNoInternals(text);
      expect(ErrorBody.safeParse(JSON.parse(text)).success).toBe(true);
    }
    expect(server.log).toEqual([]);
    expect(await server.count('users')).toBe(1);
  });
});
