import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaffList } from '../../../src/shared/staff';
import {
  addMember,
  createSchool,
  person,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { expectError } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('a school’s staff list for round planners, on %s', (dialect) => {
  let server: AccountsServer;
  let admin: SignedIn;
  let school: string;
  let other: string;
  let principal: SignedIn;
  let coach: SignedIn;
  let teacher: SignedIn;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
    admin = await setUpDistrictAdmin(server);
    school = await createSchool(admin.client, 'Lincoln Elementary');
    other = await createSchool(admin.client, 'Adams Middle');
    principal = await addMember(
      server,
      admin.client,
      school,
      'principal',
      person({ name: 'Pat Principal' }),
    );
    coach = await addMember(server, admin.client, school, 'coach', person({ name: 'Cam Coach' }));
    teacher = await addMember(
      server,
      admin.client,
      school,
      'teacher',
      person({ name: 'Ari Teacher' }),
    );
    await addMember(server, admin.client, other, 'teacher', person({ name: 'Elsewhere Teacher' }));
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('gives a coach, a principal and a district admin names, ids and roles, and nothing else', async () => {
    for (const who of [coach, principal, admin]) {
      const res = await who.client.get(`/api/schools/${school}/staff`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      const list = StaffList.parse(body);
      expect(list.staff).toEqual([
        { userId: teacher.me.user.id, name: 'Ari Teacher', role: 'teacher' },
        { userId: coach.me.user.id, name: 'Cam Coach', role: 'coach' },
        { userId: principal.me.user.id, name: 'Pat Principal', role: 'principal' },
      ]);
      expect(JSON.stringify(body)).not.toContain('@');
    }
  });

  it('refuses a teacher of the school and a coach of another school', async () => {
    await expectError(await teacher.client.get(`/api/schools/${school}/staff`), 403, 'forbidden');
    const outsider = await addMember(server, admin.client, other, 'coach');
    await expectError(await outsider.client.get(`/api/schools/${school}/staff`), 403, 'forbidden');
  });

  it('answers 404 for a school that does not exist, 401 when signed out', async () => {
    await expectError(
      await admin.client.get(`/api/schools/${crypto.randomUUID()}/staff`),
      404,
      'not_found',
    );
    await expectError(await admin.client.get('/api/schools/not-an-id/staff'), 404, 'not_found');
    await expectError(
      await server.client().get(`/api/schools/${school}/staff`),
      401,
      'unauthorized',
    );
  });
});
