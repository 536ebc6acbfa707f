import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ResentInvite, StaffDirectory } from '../../../src/shared/staff-directory';
import {
  addMember,
  auditRows,
  createSchool,
  invite,
  inviteToken,
  person,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { expectError } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('pending invites in the staff directory on %s', (dialect) => {
  let server: AccountsServer;
  let admin: SignedIn;
  let lincoln: string;
  let adams: string;
  let queued = 0;

  beforeEach(async () => {
    queued = 0;
    server = await startAccountsServer(dialect, {
      mail: { publicUrl: 'https://lookfor.district.example', queued: () => (queued += 1) },
    });
    admin = await setUpDistrictAdmin(server);
    lincoln = await createSchool(admin.client, 'Lincoln Elementary');
    adams = await createSchool(admin.client, 'Adams Middle');
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const pending = async (as: SignedIn, schoolId: string) => {
    const res = await as.client.get('/api/staff');
    expect(res.status).toBe(200);
    const d = StaffDirectory.parse(await res.json());
    return d.schools.find((s) => s.schoolId === schoolId)?.invites ?? [];
  };
  const accept = (token: string, who = person()) =>
    server.client().post('/api/auth/accept-invite', { token, ...who });

  it('lists an open invite, without its secret link, until it is accepted', async () => {
    const who = person({ name: 'Ana Teacher' });
    const token = await invite(admin.client, { schoolId: lincoln, role: 'teacher', ...who });
    const [listed] = await pending(admin, lincoln);
    expect(listed).toMatchObject({
      name: 'Ana Teacher',
      email: who.email,
      role: 'teacher',
      expired: false,
    });
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await accept(token, who)).status).toBe(201);
    expect(await pending(admin, lincoln)).toEqual([]);
  });

  it('revokes an invite: its link no longer works and the log says who revoked it', async () => {
    const who = person();
    const token = await invite(admin.client, {
      schoolId: lincoln,
      role: 'teacher',
      email: who.email,
    });
    const [listed] = await pending(admin, lincoln);
    const res = await admin.client.post(`/api/staff/invites/${listed!.id}/revoke`);
    expect(res.status, await res.clone().text()).toBe(200);
    await expectError(await accept(token, who), 409, 'conflict');
    expect(await pending(admin, lincoln)).toEqual([]);
    const [audit] = await auditRows(server, 'invite.revoked');
    expect(audit).toMatchObject({ actor_id: admin.me.user.id, subject: who.email });
    await expectError(
      await admin.client.post(`/api/staff/invites/${listed!.id}/revoke`),
      409,
      'conflict',
    );
  });

  it('resends an invite as a new emailed link; the old link stops working', async () => {
    const who = person();
    const token = await invite(admin.client, {
      schoolId: lincoln,
      role: 'coach',
      email: who.email,
    });
    const [listed] = await pending(admin, lincoln);
    server.clock.advance(60_000);
    const res = await admin.client.post(`/api/staff/invites/${listed!.id}/resend`);
    expect(res.status, await res.clone().text()).toBe(200);
    const resent = ResentInvite.parse(await res.json());
    expect(resent).toMatchObject({ emailQueued: true, emailOn: true });
    const outbox = await server.db.db
      .selectFrom('email_outbox')
      .select(['to_address', 'kind'])
      .execute();
    expect(outbox).toEqual([
      { to_address: who.email, kind: 'invite' },
      { to_address: who.email, kind: 'invite' },
    ]);
    expect(queued).toBe(2);
    await expectError(await accept(token, who), 409, 'conflict');
    expect((await accept(inviteToken(resent.link), who)).status).toBe(201);
    expect((await auditRows(server, 'invite.resent')).length).toBe(1);
  });

  it('lets a principal manage only invites they could have made', async () => {
    const principal = await addMember(server, admin.client, lincoln, 'principal');
    await invite(admin.client, { schoolId: adams, role: 'teacher', email: person().email });
    await invite(admin.client, { schoolId: lincoln, role: 'principal', email: person().email });
    await invite(admin.client, { schoolId: lincoln, role: 'teacher', email: person().email });
    const [adamsInvite] = await pending(admin, adams);
    const lincolnInvites = await pending(principal, lincoln);
    const principalInvite = lincolnInvites.find((i) => i.role === 'principal')!;
    const teacherInvite = lincolnInvites.find((i) => i.role === 'teacher')!;
    await expectError(
      await principal.client.post(`/api/staff/invites/${adamsInvite!.id}/revoke`),
      403,
      'forbidden',
    );
    await expectError(
      await principal.client.post(`/api/staff/invites/${principalInvite.id}/revoke`),
      403,
      'forbidden',
    );
    const res = await principal.client.post(`/api/staff/invites/${teacherInvite.id}/revoke`);
    expect(res.status).toBe(200);
  });

  it('answers a clear error for a malformed or unknown invite id', async () => {
    await expectError(
      await admin.client.post('/api/staff/invites/nope/revoke'),
      400,
      'invalid_request',
    );
    await expectError(
      await admin.client.post(`/api/staff/invites/${'a'.repeat(64)}/resend`),
      404,
      'not_found',
    );
  });

  it('sends a deactivated person no password reset link', async () => {
    const teacher = await addMember(server, admin.client, lincoln, 'teacher');
    await admin.client.post(`/api/staff/${teacher.me.user.id}/deactivate`);
    const before = await server.db.db.selectFrom('email_outbox').select('id').execute();
    const res = await server
      .client()
      .post('/api/auth/password-reset', { email: teacher.person.email });
    expect(res.status).toBe(200);
    const after = await server.db.db.selectFrom('email_outbox').select('id').execute();
    expect(after.length).toBe(before.length);
  });
});
