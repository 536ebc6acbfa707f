import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaffDirectory } from '../../../src/shared/staff-directory';
import {
  addMember,
  auditRows,
  createSchool,
  readMe,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { expectError } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('staff lifecycle on %s', (dialect) => {
  let server: AccountsServer;
  let admin: SignedIn;
  let lincoln: string;
  let adams: string;
  let teacher: SignedIn;
  let principal: SignedIn;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
    admin = await setUpDistrictAdmin(server);
    lincoln = await createSchool(admin.client, 'Lincoln Elementary');
    adams = await createSchool(admin.client, 'Adams Middle');
    teacher = await addMember(server, admin.client, lincoln, 'teacher');
    principal = await addMember(server, admin.client, lincoln, 'principal');
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const directory = async (as: SignedIn) => {
    const res = await as.client.get('/api/staff');
    expect(res.status, await res.clone().text()).toBe(200);
    return StaffDirectory.parse(await res.json());
  };
  const staffOf = (d: StaffDirectory, schoolId: string) =>
    d.schools.find((s) => s.schoolId === schoolId)?.staff ?? [];

  it('lists each school’s staff with role, last sign-in and status', async () => {
    const d = await directory(admin);
    expect(d.schools.map((s) => s.schoolName)).toEqual(['Adams Middle', 'Lincoln Elementary']);
    expect(staffOf(d, lincoln)).toEqual(
      expect.arrayContaining([
        {
          userId: teacher.me.user.id,
          name: teacher.person.name,
          email: teacher.person.email,
          role: 'teacher',
          lastSignInAt: '2026-11-23T08:00:00.000Z',
          status: 'active',
        },
      ]),
    );
    expect(d.districtAdmins.map((a) => a.userId)).toEqual([admin.me.user.id]);
  });

  it('shows a principal only their own school, and nobody else the directory', async () => {
    const d = await directory(principal);
    expect(d.schools.map((s) => s.schoolId)).toEqual([lincoln]);
    expect(d.districtAdmins).toEqual([]);
    await expectError(await teacher.client.get('/api/staff'), 403, 'forbidden');
  });

  it('deactivates a person: their sessions end at once and they cannot sign in again', async () => {
    const res = await admin.client.post(`/api/staff/${teacher.me.user.id}/deactivate`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ ok: true, sessionsEnded: 1 });
    await expectError(await teacher.client.get('/api/auth/me'), 401, 'unauthorized');
    const again = await server
      .client()
      .post('/api/auth/login', { email: teacher.person.email, password: teacher.person.password });
    const body = await expectError(again, 403, 'forbidden');
    expect(body.error.message).toMatch(/deactivated/);
    // A wrong password still says only that it does not match.
    await expectError(
      await server
        .client()
        .post('/api/auth/login', { email: teacher.person.email, password: 'not the password' }),
      401,
      'unauthorized',
    );
    const listed = staffOf(await directory(admin), lincoln).find(
      (p) => p.userId === teacher.me.user.id,
    );
    expect(listed?.status).toBe('deactivated');
    expect(listed?.role).toBe('teacher');
    const [audit] = await auditRows(server, 'staff.deactivated');
    expect(audit).toMatchObject({ actor_id: admin.me.user.id, subject: teacher.me.user.id });
  });

  it('reactivates a person, who then signs in with their password again', async () => {
    await admin.client.post(`/api/staff/${teacher.me.user.id}/deactivate`);
    const res = await admin.client.post(`/api/staff/${teacher.me.user.id}/reactivate`);
    expect(res.status, await res.clone().text()).toBe(200);
    const login = await server
      .client()
      .post('/api/auth/login', { email: teacher.person.email, password: teacher.person.password });
    expect(login.status).toBe(200);
    expect((await auditRows(server, 'staff.reactivated')).length).toBe(1);
    await expectError(
      await admin.client.post(`/api/staff/${teacher.me.user.id}/reactivate`),
      409,
      'conflict',
    );
  });

  it('refuses to deactivate twice, oneself, or someone the caller does not manage', async () => {
    await admin.client.post(`/api/staff/${teacher.me.user.id}/deactivate`);
    await expectError(
      await admin.client.post(`/api/staff/${teacher.me.user.id}/deactivate`),
      409,
      'conflict',
    );
    await expectError(
      await admin.client.post(`/api/staff/${admin.me.user.id}/deactivate`),
      403,
      'forbidden',
    );
    await expectError(
      await principal.client.post(`/api/staff/${admin.me.user.id}/deactivate`),
      403,
      'forbidden',
    );
    await expectError(
      await admin.client.post('/api/staff/not-an-id/deactivate'),
      400,
      'invalid_request',
    );
    await expectError(
      await admin.client.post(`/api/staff/${crypto.randomUUID()}/deactivate`),
      404,
      'not_found',
    );
    expect((await auditRows(server, 'staff.deactivated')).length).toBe(1);
  });

  it('lets a principal deactivate a teacher of their own school only', async () => {
    const other = await addMember(server, admin.client, adams, 'teacher');
    await expectError(
      await principal.client.post(`/api/staff/${other.me.user.id}/deactivate`),
      403,
      'forbidden',
    );
    const res = await principal.client.post(`/api/staff/${teacher.me.user.id}/deactivate`);
    expect(res.status).toBe(200);
  });

  it('changes a role and records the old and new role', async () => {
    const res = await principal.client.post(`/api/staff/${teacher.me.user.id}/role`, {
      schoolId: lincoln,
      role: 'coach',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await readMe(teacher.client)).memberships[0]?.role).toBe('coach');
    const [audit] = await auditRows(server, 'role.changed');
    expect(JSON.parse(audit?.details ?? 'null')).toEqual({
      schoolId: lincoln,
      role: 'coach',
      from: 'teacher',
    });
    await expectError(
      await principal.client.post(`/api/staff/${teacher.me.user.id}/role`, {
        schoolId: lincoln,
        role: 'principal',
      }),
      403,
      'forbidden',
    );
    await expectError(
      await admin.client.post(`/api/staff/${teacher.me.user.id}/role`, {
        schoolId: adams,
        role: 'coach',
      }),
      409,
      'conflict',
    );
    await expectError(
      await admin.client.post(`/api/staff/${teacher.me.user.id}/role`, {
        schoolId: lincoln,
        role: 'janitor',
      }),
      400,
      'invalid_request',
    );
  });

  it('moves a person to another school with their role', async () => {
    const res = await admin.client.post(`/api/staff/${teacher.me.user.id}/move`, {
      fromSchoolId: lincoln,
      toSchoolId: adams,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await readMe(teacher.client)).memberships).toEqual([
      { schoolId: adams, schoolName: 'Adams Middle', role: 'teacher' },
    ]);
    const [audit] = await auditRows(server, 'staff.moved');
    expect(JSON.parse(audit?.details ?? 'null')).toEqual({
      fromSchoolId: lincoln,
      toSchoolId: adams,
      role: 'teacher',
    });
    await expectError(
      await principal.client.post(`/api/staff/${teacher.me.user.id}/move`, {
        fromSchoolId: adams,
        toSchoolId: lincoln,
      }),
      403,
      'forbidden',
    );
    await expectError(
      await admin.client.post(`/api/staff/${teacher.me.user.id}/move`, {
        fromSchoolId: adams,
        toSchoolId: adams,
      }),
      400,
      'invalid_request',
    );
    await expectError(
      await admin.client.post(`/api/staff/${teacher.me.user.id}/move`, {
        fromSchoolId: adams,
        toSchoolId: crypto.randomUUID(),
      }),
      404,
      'not_found',
    );
  });
});
