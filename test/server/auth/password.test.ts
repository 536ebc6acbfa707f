import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCost, hashPassword, verifyPassword } from '../../../src/server/auth/password';
import {
  fastCost,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
} from '../../support/accounts';
import { testDialects } from '../../support/test-db';

describe('password hashing', () => {
  const password = 'correct horse battery staple';

  it('writes scrypt with its parameters, a salt and a hash, never the password', async () => {
    const stored = await hashPassword(password, fastCost);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(password);
  });

  it('uses the memory-hard cost unless told otherwise', async () => {
    expect(defaultCost).toEqual({ N: 32768, r: 8, p: 1 });
    const stored = await hashPassword(password);
    expect(stored.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPassword(password, stored)).toBe(true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword(password, fastCost);
    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, so the same password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([
      hashPassword(password, fastCost),
      hashPassword(password, fastCost),
    ]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(password, a)).toBe(true);
    expect(await verifyPassword(password, b)).toBe(true);
  });

  it('treats differently composed but equivalent Unicode as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait!', fastCost);
    expect(await verifyPassword('cafe\u0301 au lait!', stored)).toBe(true);
  });

  it('refuses anything that is not a stored scrypt hash', async () => {
    expect(await verifyPassword(password, password)).toBe(false);
    expect(await verifyPassword(password, 'bcrypt$1$2$3$4$5')).toBe(false);
    expect(await verifyPassword(password, 'scrypt$1024$8$1$salt')).toBe(false);
    expect(await verifyPassword(password, '')).toBe(false);
  });
});

describe.each(await testDialects())('stored passwords on %s', (dialect) => {
  let server: AccountsServer;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('keeps only a scrypt hash of the password in the users table', async () => {
    const admin = await setUpDistrictAdmin(server);
    const rows = await server.db.db.selectFrom('users').selectAll().execute();
    expect(rows).toHaveLength(1);
    const stored = rows[0]?.password_hash ?? '';
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(admin.person.password);
    expect(await verifyPassword(admin.person.password, stored)).toBe(true);
    expect(await verifyPassword('not the password', stored)).toBe(false);
  });
});
