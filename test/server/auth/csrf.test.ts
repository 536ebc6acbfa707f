import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  readMe,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { expectError, sessionSetCookie } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('cross-site request forgery on %s', (dialect) => {
  let server: AccountsServer;
  let admin: SignedIn;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
    admin = await setUpDistrictAdmin(server);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const createSchool = (headers: Record<string, string>) =>
    admin.client.post('/api/admin/schools', { name: 'Lincoln Elementary' }, headers);

  it('refuses a request from another site and changes nothing', async () => {
    const body = await expectError(
      await createSchool({ origin: 'https://evil.example' }),
      403,
      'forbidden',
    );
    expect(body.error.message).toBe('Requests from another site are refused');
    expect(await server.count('schools')).toBe(0);
  });

  it('refuses a sign-out from another site and keeps the session', async () => {
    const res = await admin.client.post('/api/auth/logout', {}, { origin: 'https://evil.example' });
    await expectError(res, 403, 'forbidden');
    expect(sessionSetCookie(res)).toBeUndefined();
    expect((await readMe(admin.client)).user.id).toBe(admin.me.user.id);
  });

  it('refuses a sign-in from another site without starting a session', async () => {
    const client = server.client();
    const res = await client.post(
      '/api/auth/login',
      { email: admin.person.email, password: admin.person.password },
      { origin: 'https://evil.example' },
    );
    await expectError(res, 403, 'forbidden');
    expect(sessionSetCookie(res)).toBeUndefined();
    expect(await server.count('sessions')).toBe(1);
  });

  it('refuses an opaque "null" Origin', async () => {
    await expectError(await createSchool({ origin: 'null' }), 403, 'forbidden');
    expect(await server.count('schools')).toBe(0);
  });

  it('refuses a request whose browser says Sec-Fetch-Site: cross-site', async () => {
    const client = server.client({ omitOrigin: true });
    client.session = admin.client.session;
    await expectError(
      await client.post(
        '/api/admin/schools',
        { name: 'Lincoln Elementary' },
        { 'sec-fetch-site': 'cross-site' },
      ),
      403,
      'forbidden',
    );
    expect(await server.count('schools')).toBe(0);
  });

  it.each([
    ['text/plain', JSON.stringify({ name: 'Lincoln Elementary' })],
    ['text/plain;charset=UTF-8', JSON.stringify({ name: 'Lincoln Elementary' })],
    ['application/x-www-form-urlencoded', 'name=Lincoln+Elementary'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nLincoln\r\n--x--',
    ],
  ])('refuses a %s body with 415 and changes nothing', async (type, body) => {
    const res = await admin.client.request('/api/admin/schools', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    await expectError(res, 415, 'unsupported_media_type');
    expect(await server.count('schools')).toBe(0);
  });

  it('refuses a body with no content type', async () => {
    const res = await admin.client.request('/api/admin/schools', {
      method: 'POST',
      body: new Blob([JSON.stringify({ name: 'Lincoln Elementary' })]),
    });
    await expectError(res, 415, 'unsupported_media_type');
    expect(await server.count('schools')).toBe(0);
  });

  it('accepts JSON from the same host', async () => {
    const res = await createSchool({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(201);
    expect(await server.count('schools')).toBe(1);
  });

  it('accepts JSON with a charset and no Origin (a non-browser client)', async () => {
    const client = server.client({ omitOrigin: true });
    client.session = admin.client.session;
    const res = await client.post(
      '/api/admin/schools',
      { name: 'Lincoln Elementary' },
      { 'content-type': 'application/json; charset=utf-8' },
    );
    expect(res.status).toBe(201);
  });

  it('compares hosts behind a TLS proxy that forwards the public host', async () => {
    const res = await createSchool({
      origin: 'https://lookfor.example',
      'x-forwarded-host': 'lookfor.example',
      'x-forwarded-proto': 'https',
    });
    expect(res.status).toBe(201);
  });

  it('accepts the same host over https', async () => {
    const client = server.client({ baseUrl: 'https://lookfor.example' });
    const res = await client.post('/api/auth/login', {
      email: admin.person.email,
      password: admin.person.password,
    });
    expect(res.status).toBe(200);
  });

  it('refuses a look-alike host', async () => {
    await expectError(
      await createSchool({ origin: 'http://localhost.evil.example' }),
      403,
      'forbidden',
    );
    await expectError(await createSchool({ origin: 'http://localhost:4444' }), 403, 'forbidden');
    expect(await server.count('schools')).toBe(0);
  });

  it('lets reads through from anywhere, since they change nothing', async () => {
    const res = await admin.client.get('/api/auth/me', { origin: 'https://evil.example' });
    expect(res.status).toBe(200);
  });
});
