import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acceptInvite,
  auditRows,
  createSchool,
  invite,
  person,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
} from '../../support/accounts';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('the audit log on %s', (dialect) => {
  let server: AccountsServer;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const detailsOf = (row: { details: string | null }) =>
    JSON.parse(row.details ?? 'null') as unknown;

  it('records set-up, schools, invites, acceptance and role changes with their actors', async () => {
    const admin = await setUpDistrictAdmin(server);
    const adminId = admin.me.user.id;
    server.clock.advance(1000);
    const lincoln = await createSchool(admin.client, 'Lincoln Elementary');
    server.clock.advance(1000);
    const who = person();
    const token = await invite(admin.client, {
      schoolId: lincoln,
      role: 'teacher',
      email: who.email,
    });
    server.clock.advance(1000);
    const teacher = await acceptInvite(server, token, who);
    server.clock.advance(1000);
    const res = await admin.client.post('/api/admin/memberships', {
      userId: teacher.me.user.id,
      schoolId: lincoln,
      role: 'coach',
    });
    expect(res.status).toBe(200);
    server.clock.advance(1000);
    const roster = await admin.client.post('/api/admin/roster', {
      csv: 'name,email,school,role\nAna,ana@district.example,Lincoln Elementary,teacher',
    });
    expect(roster.status).toBe(201);

    const rows = await auditRows(server);
    expect(rows.map((r) => [r.action, r.actor_id, r.subject])).toEqual([
      ['setup', adminId, adminId],
      ['school.created', adminId, lincoln],
      ['invite.created', adminId, who.email],
      ['invite.accepted', teacher.me.user.id, teacher.me.user.id],
      ['role.changed', adminId, teacher.me.user.id],
      ['invite.created', adminId, 'ana@district.example'],
    ]);
    expect(rows.map((r) => detailsOf(r))).toEqual([
      null,
      null,
      { role: 'teacher', schoolId: lincoln },
      { role: 'teacher', schoolId: lincoln },
      { schoolId: lincoln, role: 'coach' },
      { role: 'teacher', schoolId: lincoln },
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows[0]?.at).toBe('2026-11-23T08:00:00.000Z');
  });

  it('keeps secrets out of the log', async () => {
    const admin = await setUpDistrictAdmin(server);
    const lincoln = await createSchool(admin.client, 'Lincoln Elementary');
    const token = await invite(admin.client, { schoolId: lincoln, role: 'teacher' });
    const teacher = await acceptInvite(server, token);
    const log = JSON.stringify(await auditRows(server));
    for (const secret of [
      token,
      admin.person.password,
      teacher.person.password,
      admin.client.session ?? '',
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('(no email)');
  });

  it('records nothing for a refused action', async () => {
    const admin = await setUpDistrictAdmin(server);
    const before = await server.count('audit_log');
    await admin.client.post('/api/admin/schools', { name: '' });
    await admin.client.post('/api/admin/invites', { schoolId: null, role: 'teacher' });
    await admin.client.post(
      '/api/admin/schools',
      { name: 'Lincoln' },
      { origin: 'https://evil.example' },
    );
    expect(await server.count('audit_log')).toBe(before);
  });
});
