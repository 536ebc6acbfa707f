import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupTokenIfEmpty } from '../../../src/server/auth/first-run';
import * as password from '../../../src/server/auth/password';
import { newToken } from '../../../src/server/auth/tokens';
import { person, startAccountsServer, type AccountsServer } from '../../support/accounts';
import { expectError } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

vi.mock('../../../src/server/auth/password', { spy: true });

const dialects = await testDialects();

/**
 * Set-up and invite links are secrets a stranger may try to guess: a guess must
 * cost the server no password hash, and twenty from one address in 15 minutes stop
 * the next one, as for sign-in.
 */
describe.each(dialects)('guessing set-up and invite links, on %s', (dialect) => {
  let server: AccountsServer;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
    vi.mocked(password.hashPassword).mockClear();
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const attempt = (route: 'setup' | 'accept-invite', token = newToken()) =>
    server.client().post(`/api/auth/${route}`, { token, ...person() });

  it('refuses a wrong link before hashing the password', async () => {
    await setupTokenIfEmpty(server.db.db, server.clock.now());
    const hashedBefore = vi.mocked(password.hashPassword).mock.calls.length;
    await expectError(await attempt('setup'), 403, 'forbidden');
    await expectError(await attempt('accept-invite'), 409, 'conflict');
    expect(vi.mocked(password.hashPassword).mock.calls.length).toBe(hashedBefore);
    expect(await server.count('users')).toBe(0);
  });

  it('stops the 21st guess from one address for 15 minutes, then lets the right link in', async () => {
    const token = await setupTokenIfEmpty(server.db.db, server.clock.now());
    for (let i = 0; i < 10; i += 1) await expectError(await attempt('setup'), 403, 'forbidden');
    for (let i = 0; i < 10; i += 1) {
      await expectError(await attempt('accept-invite'), 409, 'conflict');
    }
    const stopped = await attempt('setup', token!);
    await expectError(stopped, 429, 'too_many_requests');
    expect(Number(stopped.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await server.count('users')).toBe(0);

    server.clock.advance(15 * 60_000 + 1000);
    expect((await attempt('setup', token!)).status).toBe(201);
  });
});
