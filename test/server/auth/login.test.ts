import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MINUTE,
  addMember,
  person,
  readMe,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type Person,
} from '../../support/accounts';
import {
  cookieAttributes,
  expectError,
  sessionSetCookie,
  type ClientOptions,
} from '../../support/http-client';
import { DEVICE_COOKIE } from '../../../src/server/auth/devices';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('signing in on %s', (dialect) => {
  let server: AccountsServer;
  let admin: Person;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
    admin = (await setUpDistrictAdmin(server)).person;
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const login = (who: { email: string; password: string }, options: ClientOptions = {}) => {
    const client = server.client(options);
    return client
      .post('/api/auth/login', { email: who.email, password: who.password })
      .then((res) => ({ res, client }));
  };
  const wrong = (who: Person): Person => ({ ...who, password: `${who.password} nope` });

  it('signs in with the right password and sets a session cookie only scripts cannot read', async () => {
    const { res, client } = await login(admin);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const cookie = sessionSetCookie(res) ?? '';
    const attributes = cookieAttributes(cookie);
    expect(attributes).toMatchObject({ httponly: '', samesite: 'Lax', path: '/' });
    expect(Number(attributes['max-age'])).toBe(90 * 24 * 60 * 60);
    expect(attributes).not.toHaveProperty('secure');
    expect((await readMe(client)).user.email).toBe(admin.email);
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const { res } = await login(admin, { baseUrl: 'https://lookfor.example' });
    expect(res.status).toBe(200);
    expect(cookieAttributes(sessionSetCookie(res) ?? '')).toHaveProperty('secure');
  });

  it('marks the cookie Secure behind a TLS proxy that says x-forwarded-proto https', async () => {
    const client = server.client();
    const res = await client.post(
      '/api/auth/login',
      { email: admin.email, password: admin.password },
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.status).toBe(200);
    expect(cookieAttributes(sessionSetCookie(res) ?? '')).toHaveProperty('secure');
  });

  it('ignores the case and spaces of the email', async () => {
    const { res } = await login({ ...admin, email: `  ${admin.email.toUpperCase()} ` });
    expect(res.status).toBe(200);
  });

  it('gives a wrong password and an unknown email the same answer', async () => {
    const badPassword = await login(wrong(admin));
    const unknown = await login(person());
    expect(sessionSetCookie(badPassword.res)).toBeUndefined();
    expect(sessionSetCookie(unknown.res)).toBeUndefined();
    const a = await expectError(badPassword.res, 401, 'unauthorized');
    const b = await expectError(unknown.res, 401, 'unauthorized');
    expect(a).toEqual(b);
    expect(await server.count('sessions')).toBe(1);
  });

  it('names the fields of a malformed sign-in', async () => {
    const body = await expectError(
      (await login({ email: 'nobody', password: '' })).res,
      400,
      'invalid_request',
    );
    expect(body.error.details?.map((d) => d.path).sort()).toEqual(['email', 'password']);
  });

  describe('throttling', () => {
    it('refuses the 6th attempt after 5 failures, even with the right password', async () => {
      for (let i = 0; i < 5; i++)
        await expectError((await login(wrong(admin))).res, 401, 'unauthorized');
      const { res } = await login(admin);
      const body = await expectError(res, 429, 'too_many_requests');
      expect(res.headers.get('retry-after')).toBe(String(15 * 60));
      expect(body.error.message).toBe('Too many attempts. Try again in 15 minutes');
      expect(sessionSetCookie(res)).toBeUndefined();
    });

    it('counts down the Retry-After as the window passes', async () => {
      for (let i = 0; i < 5; i++) await login(wrong(admin));
      server.clock.advance(10 * MINUTE + 30_000);
      const { res } = await login(admin);
      await expectError(res, 429, 'too_many_requests');
      expect(res.headers.get('retry-after')).toBe(String(4 * 60 + 30));
    });

    it('throttles an account whatever address the attempts come from', async () => {
      for (let i = 0; i < 5; i++) await login(wrong(admin), { address: `198.51.100.${i + 1}` });
      await expectError(
        (await login(admin, { address: '203.0.113.9' })).res,
        429,
        'too_many_requests',
      );
    });

    it('lets another account in from the same address until 20 failures from it', async () => {
      const address = { address: '192.0.2.10' };
      const school = server.client();
      await school.post('/api/auth/login', { email: admin.email, password: admin.password });
      const colleague = (await addMember(server, school, null, 'district_admin')).person;
      const third = (await addMember(server, school, null, 'district_admin')).person;

      for (let i = 0; i < 5; i++) await login(wrong(admin), address);
      expect((await login(colleague, address)).res.status).toBe(200);

      // 14 more failures, each for a different unknown email: 19 from this address.
      for (let i = 0; i < 14; i++) {
        await expectError((await login(person(), address)).res, 401, 'unauthorized');
      }
      expect((await login(third, address)).res.status).toBe(200);

      await expectError((await login(person(), address)).res, 401, 'unauthorized');
      const blocked = await login(colleague, address);
      await expectError(blocked.res, 429, 'too_many_requests');
      expect(blocked.res.headers.get('retry-after')).toBe(String(15 * 60));

      // Another address is not held back by this one.
      expect((await login(colleague, { address: '192.0.2.11' })).res.status).toBe(200);
    });

    it('lets a browser its owner signed in on before past an address others have locked', async () => {
      const address = { address: '192.0.2.20' };
      const first = await login(admin, address);
      const device = first.res.headers
        .getSetCookie()
        .find((h) => h.startsWith(`${DEVICE_COOKIE}=`));
      expect(device && cookieAttributes(device)).toMatchObject({ httponly: '', path: '/api/auth' });
      const cookie = device!.split(';')[0]!;

      // A pupil on the school's one address guesses twenty times.
      for (let i = 0; i < 20; i++) await login(person(), address);
      const stranger = await login(admin, address);
      await expectError(stranger.res, 429, 'too_many_requests');

      const known = server.client(address);
      const res = await known.post(
        '/api/auth/login',
        { email: admin.email, password: admin.password },
        { cookie },
      );
      expect(res.status).toBe(200);
    });

    it('gives a known browser its own limit, and no exemption for another account', async () => {
      const address = { address: '192.0.2.30' };
      const { res: first } = await login(admin, address);
      const cookie = first.headers
        .getSetCookie()
        .find((h) => h.startsWith(`${DEVICE_COOKIE}=`))!
        .split(';')[0]!;
      const known = server.client(address);
      const attempt = (who: { email: string; password: string }) =>
        known.post('/api/auth/login', { email: who.email, password: who.password }, { cookie });

      for (let i = 0; i < 5; i++)
        await expectError(await attempt(wrong(admin)), 401, 'unauthorized');
      await expectError(await attempt(admin), 429, 'too_many_requests');

      // The same cookie says nothing about another account: its guesses count as before.
      const other = person();
      for (let i = 0; i < 5; i++) await attempt(other);
      await expectError(await attempt(other), 429, 'too_many_requests');
    });

    it('lets the account try again once the 15-minute window has passed', async () => {
      for (let i = 0; i < 5; i++) await login(wrong(admin));
      server.clock.advance(14 * MINUTE);
      await expectError((await login(admin)).res, 429, 'too_many_requests');
      server.clock.advance(2 * MINUTE);
      const { res, client } = await login(admin);
      expect(res.status).toBe(200);
      expect(res.headers.get('retry-after')).toBeNull();
      expect((await readMe(client)).user.email).toBe(admin.email);
    });

    it('starts a fresh count after the window, not a continued one', async () => {
      for (let i = 0; i < 5; i++) await login(wrong(admin));
      server.clock.advance(16 * MINUTE);
      for (let i = 0; i < 4; i++)
        await expectError((await login(wrong(admin))).res, 401, 'unauthorized');
      expect((await login(admin)).res.status).toBe(200);
    });

    // Each attempt is now taken by one atomic upsert before the password is checked,
    // so simultaneous guesses cannot all slip past the limit.
    it('holds simultaneous guesses to the limit', async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, async () => (await login(wrong(admin))).res.status),
      );
      expect(answers.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(answers.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      await expectError((await login(admin)).res, 429, 'too_many_requests');
    });

    it('forgives earlier failures of an account once it signs in', async () => {
      for (let i = 0; i < 4; i++) await login(wrong(admin));
      expect((await login(admin)).res.status).toBe(200);
      for (let i = 0; i < 4; i++)
        await expectError((await login(wrong(admin))).res, 401, 'unauthorized');
      expect((await login(admin)).res.status).toBe(200);
    });
  });
});
