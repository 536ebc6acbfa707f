import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as password from '../../../src/server/auth/password';
import { hashToken, newToken } from '../../../src/server/auth/tokens';
import {
  acceptInvite,
  auditRows,
  createSchool,
  invite,
  person,
  readMe,
  setUpDistrictAdmin,
  startAccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { outboxRows, PUBLIC_URL, startMailWorld, type MailWorld } from '../../support/email';
import { expectError } from '../../support/http-client';
import { linkIn, waitUntil } from '../../support/smtp';
import { testDialects } from '../../support/test-db';

vi.mock('../../../src/server/auth/password', { spy: true });

const dialects = await testDialects();

/**
 * "Forgot password?": an emailed link that works once, for an hour. Asking answers
 * the same for every address, and the link is guessed no more cheaply than an invite.
 */
describe.each(dialects)('password reset by emailed link, on %s', (dialect) => {
  let world: MailWorld;
  let teacher: SignedIn;

  beforeEach(async () => {
    world = await startMailWorld(dialect);
    const admin = await setUpDistrictAdmin(world.server);
    const schoolId = await createSchool(admin.client, 'Lincoln Elementary');
    const who = person();
    teacher = await acceptInvite(
      world.server,
      await invite(admin.client, { schoolId, role: 'teacher', email: who.email }),
      who,
    );
    vi.mocked(password.hashPassword).mockClear();
  });
  afterEach(async () => {
    await world.dispose();
  });

  const ask = (email: string, address = '10.0.0.1') =>
    world.server.client({ address }).post('/api/auth/password-reset', { email });
  const confirm = (token: string, newPassword = 'a brand new password', address = '10.0.0.2') =>
    world.server
      .client({ address })
      .post('/api/auth/password-reset/confirm', { token, password: newPassword });
  const signIn = async (email: string, pass: string) => {
    const client = world.server.client({ address: '10.0.0.3' });
    const res = await client.post('/api/auth/login', { email, password: pass });
    return { res, client };
  };
  const resetMailTo = async (email: string) => {
    await waitUntil(
      () => world.smtp.received.some((m) => m.to.includes(email) && /Reset/.test(m.subject)),
      'the reset email arrives',
    );
    const mail = world.smtp.received.find((m) => m.to.includes(email) && /Reset/.test(m.subject));
    return linkIn(mail!, `${PUBLIC_URL}/#/reset/`).split('/#/reset/')[1]!;
  };

  it('resets a password from the emailed link, ends every session, and works once', async () => {
    const { email } = teacher.person;
    const other = await signIn(email, teacher.person.password);
    expect(other.res.status).toBe(200);

    const res = await ask(email);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, emailOn: true });
    const token = await resetMailTo(email);
    const stored = await world.server.db.db.selectFrom('password_resets').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const done = await confirm(token);
    expect(done.status, await done.clone().text()).toBe(200);
    // Every session of the account ended, on every device.
    await expectError(await teacher.client.get('/api/auth/me'), 401, 'unauthorized');
    await expectError(await other.client.get('/api/auth/me'), 401, 'unauthorized');
    expect(
      (await signIn(email, teacher.person.password)).res.status,
      'the old password no longer works',
    ).toBe(401);
    const fresh = await signIn(email, 'a brand new password');
    expect(fresh.res.status).toBe(200);
    expect((await readMe(fresh.client)).user.email).toBe(email);

    await expectError(await confirm(token, 'yet another password'), 409, 'conflict');
    expect((await signIn(email, 'a brand new password')).res.status).toBe(200);
    const [audit] = await auditRows(world.server, 'password.reset');
    expect(audit).toMatchObject({ actor_id: teacher.me.user.id, subject: teacher.me.user.id });
    // The sent message keeps no copy of the link.
    await waitUntil(async () => (await outboxRows(world.server)).every((r) => r.sent_at), 'sent');
    expect(JSON.stringify(await outboxRows(world.server))).not.toContain(token);
  });

  it('refuses a wrong reset link before hashing the password, and changes nothing', async () => {
    await ask(teacher.person.email);
    await resetMailTo(teacher.person.email);
    const before = await world.server.db.db.selectFrom('users').selectAll().execute();
    vi.mocked(password.hashPassword).mockClear();
    await expectError(await confirm(newToken()), 409, 'conflict');
    expect(vi.mocked(password.hashPassword)).not.toHaveBeenCalled();
    expect(await world.server.db.db.selectFrom('users').selectAll().execute()).toEqual(before);
    expect((await readMe(teacher.client)).user.email).toBe(teacher.person.email);
  });

  it('refuses a reset link after an hour', async () => {
    await ask(teacher.person.email);
    const token = await resetMailTo(teacher.person.email);
    world.server.clock.advance(60 * 60_000 + 1000);
    await expectError(await confirm(token), 409, 'conflict');
    expect(vi.mocked(password.hashPassword)).not.toHaveBeenCalled();
  });

  it('answers the same for an unknown address and emails nobody', async () => {
    const known = await ask(teacher.person.email);
    const unknown = await ask('nobody.here@district.example');
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    await resetMailTo(teacher.person.email);
    // A later message arriving shows the worker ran past the unknown request.
    await ask(teacher.person.email);
    await waitUntil(
      () => world.smtp.received.filter((m) => m.to.includes(teacher.person.email)).length >= 3,
      'the second reset email arrives (after the invite and the first)',
    );
    expect(
      world.smtp.received.filter((m) => m.to.includes('nobody.here@district.example')),
    ).toEqual([]);
    expect(await world.server.count('password_resets')).toBe(2);
  });

  it('holds the 6th request for one address, and the 21st from one network address', async () => {
    const { email } = teacher.person;
    for (let i = 0; i < 5; i += 1) expect((await ask(email, `10.1.0.${i}`)).status).toBe(200);
    const held = await ask(email, '10.1.0.99');
    await expectError(held, 429, 'too_many_requests');
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same limit for an address with no account: the answer tells nothing.
    for (let i = 0; i < 5; i += 1) await ask('nobody.here@district.example', `10.2.0.${i}`);
    await expectError(
      await ask('nobody.here@district.example', '10.2.0.99'),
      429,
      'too_many_requests',
    );

    for (let i = 0; i < 20; i += 1) {
      expect((await ask(`someone${i}@district.example`, '10.9.9.9')).status).toBe(200);
    }
    await expectError(
      await ask('someone.else@district.example', '10.9.9.9'),
      429,
      'too_many_requests',
    );
    expect(await world.server.count('password_resets')).toBe(5);

    world.server.clock.advance(15 * 60_000 + 1000);
    expect((await ask(email, '10.9.9.9')).status).toBe(200);
  });
});

describe.each(dialects)('password reset with email off, on %s', (dialect) => {
  it('answers the same, says email is off, and makes no link', async () => {
    const server = await startAccountsServer(dialect);
    try {
      const admin = await setUpDistrictAdmin(server);
      const res = await server
        .client()
        .post('/api/auth/password-reset', { email: admin.person.email });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, emailOn: false });
      expect(await server.count('password_resets')).toBe(0);
      expect(await server.count('email_outbox')).toBe(0);
    } finally {
      await server.db.dispose();
    }
  });
});
