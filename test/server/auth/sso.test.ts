import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../src/server/auth/session';
import { SignInOptions } from '../../../src/shared/sign-in-options';
import {
  addMember,
  auditRows,
  createSchool,
  invite,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { expectError } from '../../support/http-client';
import {
  APP_URL,
  OTHER_CLIENT,
  CLIENT,
  cookieJar,
  startTestIdp,
  throughProvider,
  type TestIdp,
} from '../../support/oidc-provider';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('single sign-on through a real OpenID provider, on %s', (dialect) => {
  let idp: TestIdp;
  let server: AccountsServer;
  let admin: SignedIn;
  let lincoln: string;

  beforeAll(async () => {
    idp = await startTestIdp({ allowedDomains: ['district.example'] });
  });
  afterAll(async () => {
    await idp.close();
  });
  beforeEach(async () => {
    server = await startAccountsServer(dialect, { sso: idp.sso });
    admin = await setUpDistrictAdmin(server);
    lincoln = await createSchool(admin.client, 'Lincoln Elementary');
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  /**
   * A browser signing in: the app's start, the provider's login, and back to the app.
   * `tamper` changes the authorization URL or the callback URL on the way.
   */
  async function signInWithSso(
    tamper: { authorize?: (u: URL) => void; callback?: (u: URL) => void } = {},
  ) {
    const app = cookieJar();
    const start = await server.app.request(`${APP_URL}/api/auth/sso/start`);
    expect(start.status).toBe(302);
    app.take(start);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    tamper.authorize?.(authorize);
    const callback = new URL(await throughProvider(authorize.href));
    tamper.callback?.(callback);
    const done = await server.app.request(callback.href, { headers: { cookie: app.header() } });
    expect(done.status).toBe(302);
    app.take(done);
    const session = app
      .header()
      .split('; ')
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    return { location: done.headers.get('location'), session };
  }

  const meWith = (session: string | undefined) =>
    server.app.request(`${APP_URL}/api/auth/me`, { headers: { cookie: session ?? '' } });

  it('signs in a member whose verified email the provider vouches for', async () => {
    const teacher = await addMember(server, admin.client, lincoln, 'teacher');
    idp.signInAs({ email: teacher.person.email, emailVerified: true });
    const { location, session } = await signInWithSso();
    expect(location).toBe('/#/signin/sso/done');
    const me = await meWith(session);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(teacher.me.user.id);
  });

  it('turns an open invite into an account on first sign-in, but signs up nobody else', async () => {
    const email = 'new.coach@district.example';
    await invite(admin.client, { schoolId: lincoln, role: 'coach', email });
    idp.signInAs({ email, emailVerified: true, name: 'New Coach' });
    const first = await signInWithSso();
    expect(first.location).toBe('/#/signin/sso/done');
    const me = (await (await meWith(first.session)).json()) as {
      user: { name: string };
      memberships: Array<{ role: string }>;
    };
    expect(me.user.name).toBe('New Coach');
    expect(me.memberships.map((m) => m.role)).toEqual(['coach']);
    const [accepted] = await auditRows(server, 'invite.accepted');
    expect(JSON.parse(accepted?.details ?? '{}')).toMatchObject({ via: 'sso' });

    idp.signInAs({ email: 'stranger@district.example', emailVerified: true });
    const stranger = await signInWithSso();
    expect(stranger.location).toBe('/#/signin/sso/unknown');
    expect(stranger.session).toBeUndefined();
  });

  it('refuses an unverified email, another domain and a deactivated account', async () => {
    const teacher = await addMember(server, admin.client, lincoln, 'teacher');
    idp.signInAs({ email: teacher.person.email, emailVerified: false });
    expect((await signInWithSso()).location).toBe('/#/signin/sso/unverified');

    const outsider = await addMember(server, admin.client, lincoln, 'teacher', {
      name: 'Out Sider',
      email: 'out@elsewhere.example',
      password: 'a long enough password',
    });
    idp.signInAs({ email: outsider.person.email, emailVerified: true });
    expect((await signInWithSso()).location).toBe('/#/signin/sso/domain');

    await admin.client.post(`/api/staff/${teacher.me.user.id}/deactivate`);
    idp.signInAs({ email: teacher.person.email, emailVerified: true });
    const refused = await signInWithSso();
    expect(refused.location).toBe('/#/signin/sso/deactivated');
    expect(refused.session).toBeUndefined();
  });

  it('refuses a code issued to another application (the wrong audience)', async () => {
    const teacher = await addMember(server, admin.client, lincoln, 'teacher');
    idp.signInAs({ email: teacher.person.email, emailVerified: true });
    const refused = await signInWithSso({
      authorize: (u) => u.searchParams.set('client_id', OTHER_CLIENT.id),
    });
    expect(refused.location).toBe('/#/signin/sso/failed');
    expect(refused.session).toBeUndefined();
    expect(CLIENT.id).not.toBe(OTHER_CLIENT.id);
  });

  it('refuses a wrong state and a wrong nonce', async () => {
    const teacher = await addMember(server, admin.client, lincoln, 'teacher');
    idp.signInAs({ email: teacher.person.email, emailVerified: true });
    const badState = await signInWithSso({
      callback: (u) => u.searchParams.set('state', 'not-the-state'),
    });
    expect(badState.location).toBe('/#/signin/sso/failed');
    expect(badState.session).toBeUndefined();
    const badNonce = await signInWithSso({
      authorize: (u) => u.searchParams.set('nonce', 'not-the-nonce'),
    });
    expect(badNonce.location).toBe('/#/signin/sso/failed');
    expect(badNonce.session).toBeUndefined();
  });

  it('refuses a callback without the browser that started it', async () => {
    const res = await server.app.request(`${APP_URL}/api/auth/sso/callback?code=x&state=y`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/#/signin/sso/failed');
  });

  it('ends an SSO session with logout', async () => {
    const teacher = await addMember(server, admin.client, lincoln, 'teacher');
    idp.signInAs({ email: teacher.person.email, emailVerified: true });
    const { session } = await signInWithSso();
    const out = await server.app.request(`${APP_URL}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session!, 'content-type': 'application/json', origin: APP_URL },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await meWith(session)).status).toBe(401);
  });

  it('lets an admin turn passwords off once SSO is set up; password sign-in then says so', async () => {
    const teacher = await addMember(server, admin.client, lincoln, 'teacher');
    const off = await admin.client.request('/api/settings/sign-in', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ passwords: false }),
    });
    expect(off.status, await off.clone().text()).toBe(200);
    const options = SignInOptions.parse(
      await (await server.client().get('/api/auth/sign-in-options')).json(),
    );
    expect(options).toEqual({ sso: { label: 'District Login' }, passwords: false });
    const body = await expectError(
      await server.client().post('/api/auth/login', {
        email: teacher.person.email,
        password: teacher.person.password,
      }),
      403,
      'forbidden',
    );
    expect(body.error.message).toMatch(/turned off/);
    expect((await auditRows(server, 'settings.passwords')).length).toBe(1);
    await expectError(
      await teacher.client.request('/api/settings/sign-in', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ passwords: true }),
      }),
      403,
      'forbidden',
    );
  });
});

describe.each(dialects)('sign-in options without SSO, on %s', (dialect) => {
  let server: AccountsServer;
  beforeEach(async () => {
    server = await startAccountsServer(dialect);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('offers passwords only and refuses to turn them off', async () => {
    const admin = await setUpDistrictAdmin(server);
    const options = SignInOptions.parse(
      await (await server.client().get('/api/auth/sign-in-options')).json(),
    );
    expect(options).toEqual({ sso: null, passwords: true });
    await expectError(await server.client().get('/api/auth/sso/start'), 404, 'not_found');
    await expectError(
      await admin.client.request('/api/settings/sign-in', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ passwords: false }),
      }),
      409,
      'conflict',
    );
    await expectError(
      await admin.client.request('/api/settings/sign-in', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ passwords: 'no' }),
      }),
      400,
      'invalid_request',
    );
  });
});
