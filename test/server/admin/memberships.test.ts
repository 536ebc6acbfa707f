import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe.each(dialects)('memberships on %s', (dialect) => {
  let server: AccountsServer;
  let admin: SignedIn;
  let lincoln: string;
  let adams: string;
  let teacher: SignedIn;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
    admin = await setUpDistrictAdmin(server);
    lincoln = await createSchool(admin.client, 'Lincoln Elementary');
    adams = await createSchool(admin.client, 'Adams Middle');
    teacher = await addMember(server, admin.client, lincoln, 'teacher');
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const change = (as: SignedIn, body: { userId: string; schoolId: string; role: string }) =>
    as.client.post('/api/admin/memberships', body);

  it('lets a district admin change a role, and records who did it', async () => {
    const res = await change(admin, {
      userId: teacher.me.user.id,
      schoolId: lincoln,
      role: 'coach',
    });
    expect(res.status).toBe(200);
    expect((await readMe(teacher.client)).memberships).toEqual([
      { schoolId: lincoln, schoolName: 'Lincoln Elementary', role: 'coach' },
    ]);
    const audit = await auditRows(server, 'role.changed');
    expect(audit).toEqual([
      expect.objectContaining({
        actor_id: admin.me.user.id,
        subject: teacher.me.user.id,
        at: server.clock.now().toISOString(),
      }),
    ]);
    expect(JSON.parse(audit[0]?.details ?? 'null')).toEqual({ schoolId: lincoln, role: 'coach' });
  });

  it('adds a membership in a second school without touching the first', async () => {
    expect(
      (await change(admin, { userId: teacher.me.user.id, schoolId: adams, role: 'principal' }))
        .status,
    ).toBe(200);
    expect((await readMe(teacher.client)).memberships).toEqual([
      { schoolId: adams, schoolName: 'Adams Middle', role: 'principal' },
      { schoolId: lincoln, schoolName: 'Lincoln Elementary', role: 'teacher' },
    ]);
    expect(await server.count('memberships')).toBe(2);
  });

  it('refuses a teacher, even for their own role, and changes nothing', async () => {
    const colleague = await addMember(server, admin.client, lincoln, 'teacher');
    for (const body of [
      { userId: teacher.me.user.id, schoolId: lincoln, role: 'principal' },
      { userId: colleague.me.user.id, schoolId: lincoln, role: 'coach' },
    ]) {
      await expectError(await change(teacher, body), 403, 'forbidden');
    }
    expect((await readMe(teacher.client)).memberships[0]?.role).toBe('teacher');
    expect((await readMe(colleague.client)).memberships[0]?.role).toBe('teacher');
    expect(await auditRows(server, 'role.changed')).toEqual([]);
  });

  it('lets a principal move staff between teacher and coach in their own school only', async () => {
    const principal = await addMember(server, admin.client, lincoln, 'principal');
    const res = await change(principal, {
      userId: teacher.me.user.id,
      schoolId: lincoln,
      role: 'coach',
    });
    expect(res.status).toBe(200);
    await expectError(
      await change(principal, { userId: teacher.me.user.id, schoolId: lincoln, role: 'principal' }),
      403,
      'forbidden',
    );
    await expectError(
      await change(principal, { userId: teacher.me.user.id, schoolId: adams, role: 'teacher' }),
      403,
      'forbidden',
    );
    expect((await readMe(teacher.client)).memberships).toEqual([
      { schoolId: lincoln, schoolName: 'Lincoln Elementary', role: 'coach' },
    ]);
  });

  it('answers 404 for a user or school that does not exist', async () => {
    await expectError(
      await change(admin, { userId: crypto.randomUUID(), schoolId: lincoln, role: 'coach' }),
      404,
      'not_found',
    );
    await expectError(
      await change(admin, {
        userId: teacher.me.user.id,
        schoolId: crypto.randomUUID(),
        role: 'coach',
      }),
      404,
      'not_found',
    );
    expect(await auditRows(server, 'role.changed')).toEqual([]);
  });

  it('names the fields of a malformed change', async () => {
    const body = await expectError(
      await change(admin, { userId: 'me', schoolId: 'lincoln', role: 'district_admin' }),
      400,
      'invalid_request',
    );
    expect(body.error.details?.map((d) => d.path).sort()).toEqual(['role', 'schoolId', 'userId']);
  });
});
