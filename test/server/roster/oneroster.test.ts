import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMapping } from '../../../src/shared/oneroster/roles';
import type { RosterFiles } from '../../../src/shared/oneroster/read-export';
import type { RosterDryRun, RosterImported } from '../../../src/shared/oneroster/plan-schema';
import {
  acceptInvite,
  addMember,
  auditRows,
  createSchool,
  inviteToken,
  person,
  readMe,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { PUBLIC_URL } from '../../support/email';
import { expectError } from '../../support/http-client';
import { rosterFixture } from '../../support/oneroster-fixtures';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('OneRoster import on %s', (dialect) => {
  let server: AccountsServer;
  let admin: SignedIn;

  beforeEach(async () => {
    server = await startAccountsServer(dialect, {
      mail: { publicUrl: PUBLIC_URL, queued: () => undefined },
    });
    admin = await setUpDistrictAdmin(server);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const dryRun = async (files: RosterFiles, mapping = defaultMapping) => {
    const res = await admin.client.post('/api/roster/oneroster/dry-run', { files, mapping });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as RosterDryRun;
  };
  const importFiles = async (files: RosterFiles, mapping = defaultMapping) => {
    const { planId } = await dryRun(files, mapping);
    const res = await admin.client.post('/api/roster/oneroster/import', { files, mapping, planId });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as RosterImported;
  };
  const users = () => server.db.db.selectFrom('users').selectAll().orderBy('email').execute();
  const openInvites = () =>
    server.db.db
      .selectFrom('invites')
      .select(['email', 'role', 'school_id'])
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('email', 'is not', null)
      .orderBy('email')
      .execute();

  it('a dry run writes nothing and says what the import would do', async () => {
    const before = await auditRows(server);
    const answer = await dryRun(rosterFixture('bulk'));
    expect(answer.plan?.schools.add.map((s) => s.name)).toEqual([
      'Lincoln Elementary',
      'Adams Middle',
    ]);
    expect(answer.plan?.add.map((p) => p.email)).toEqual([
      'ana.diaz@district.example',
      'ben.cole@district.example',
      'carla.moss@district.example',
    ]);
    expect(answer.plan?.skipped).toEqual({ students: 3, staff: 1 });
    expect(await server.count('schools')).toBe(0);
    expect(await server.count('invites')).toBe(0);
    expect(await auditRows(server)).toHaveLength(before.length);
  });

  it('imports schools and invites staff (emailed in the same transaction), never students', async () => {
    const done = await importFiles(rosterFixture('bulk'));
    expect(done.invites.map((i) => i.email)).toEqual([
      'ana.diaz@district.example',
      'ben.cole@district.example',
      'carla.moss@district.example',
    ]);
    const schools = await server.db.db.selectFrom('schools').select(['id', 'name']).execute();
    const lincoln = schools.find((s) => s.name === 'Lincoln Elementary')!.id;
    expect((await openInvites()).map((i) => [i.email, i.role, i.school_id === lincoln])).toEqual([
      ['ana.diaz@district.example', 'teacher', true],
      ['ben.cole@district.example', 'teacher', false],
      ['carla.moss@district.example', 'principal', true],
    ]);
    const outbox = await server.db.db.selectFrom('email_outbox').select('to_address').execute();
    expect(outbox.map((o) => o.to_address).sort()).toEqual(done.invites.map((i) => i.email));
    const everything = JSON.stringify(
      await server.db.db.selectFrom('roster_people').selectAll().execute(),
    );
    expect(everything).not.toMatch(/u-eli|u-fay|u-gus|Student|students\.example/);
    expect((await auditRows(server, 'roster.person-added')).length).toBe(3);
    expect((await auditRows(server, 'roster.imported')).length).toBe(1);
  });

  it('a second import of a changed export updates, deactivates and never duplicates', async () => {
    const first = await importFiles(rosterFixture('bulk'));
    // Ana and Carla join; Ben has not yet.
    const ana = await acceptInvite(
      server,
      inviteToken(first.invites.find((i) => i.sourceId === 'u-ana')!.link),
      person({ name: 'Ana Diaz', email: 'ana.diaz@district.example' }),
    );
    const carla = await acceptInvite(
      server,
      inviteToken(first.invites.find((i) => i.sourceId === 'u-carla')!.link),
      person({ name: 'Carla Moss', email: 'carla.moss@district.example' }),
    );
    const again = await dryRun(rosterFixture('bulk'));
    expect(again.plan?.unchanged).toBe(3);
    expect(again.plan?.add).toEqual([]);

    const second = await importFiles(rosterFixture('bulk-changed'));
    expect(second.plan.change.map((p) => p.sourceId)).toEqual(['u-ana', 'u-ben']);
    expect(second.invites.map((i) => i.sourceId).sort()).toEqual(['u-ben', 'u-hana']);
    expect(await server.count('schools')).toBe(2);
    expect(
      (await server.db.db.selectFrom('schools').select('name').orderBy('name').execute()).map(
        (s) => s.name,
      ),
    ).toEqual(['Adams Middle School', 'Lincoln Elementary']);
    // Ana's account was renamed, not duplicated.
    expect((await readMe(ana.client)).user.name).toBe('Ana Lopez');
    expect((await users()).filter((u) => u.email === 'ana.diaz@district.example')).toHaveLength(1);
    // Carla left: deactivated through the staff lifecycle, her session ended.
    expect((await carla.client.get('/api/auth/me')).status).toBe(401);
    const deactivated = await auditRows(server, 'staff.deactivated');
    expect(deactivated.map((r) => r.subject)).toEqual([carla.me.user.id]);
    // Ben never joined: his old invite gave way to one for his new roles.
    expect((await openInvites()).map((i) => [i.email, i.role])).toEqual([
      ['ben.cole@district.example', 'principal'],
      ['hana.kim@district.example', 'teacher'],
    ]);
    const third = (await dryRun(rosterFixture('bulk-changed'))).plan;
    expect([third?.add, third?.change, third?.deactivate, third?.unchanged]).toEqual([
      [],
      [],
      [],
      3,
    ]);
  });

  it('applies a delta to its rows only', async () => {
    await importFiles(rosterFixture('bulk'));
    const done = await importFiles(rosterFixture('delta'));
    expect(done.plan.add.map((p) => p.sourceId)).toEqual(['u-ivy']);
    expect(done.plan.deactivate.map((p) => p.sourceId)).toEqual(['u-ben']);
    expect((await openInvites()).map((i) => i.email)).toEqual([
      'ana.diaz@district.example',
      'carla.moss@district.example',
      'ivy.nash@district.example',
    ]);
  });

  it('links existing schools and accounts by name and email instead of inviting again', async () => {
    const lincoln = await createSchool(admin.client, 'Lincoln Elementary');
    const ana = await addMember(
      server,
      admin.client,
      lincoln,
      'coach',
      person({ name: 'Ana D.', email: 'ana.diaz@district.example' }),
    );
    const done = await importFiles(rosterFixture('bulk'));
    expect(done.plan.schools.link.map((s) => s.schoolId)).toEqual([lincoln]);
    expect(done.invites.map((i) => i.sourceId)).toEqual(['u-ben', 'u-carla']);
    expect((await readMe(ana.client)).memberships.map((m) => m.role)).toEqual(['teacher']);
  });

  it('refuses a file with bad rows, naming each, and imports nothing', async () => {
    const before = await auditRows(server);
    for (const path of ['dry-run', 'import']) {
      const body = await expectError(
        await admin.client.post(`/api/roster/oneroster/${path}`, {
          files: rosterFixture('bad-rows'),
          mapping: defaultMapping,
          planId: 'x',
        }),
        400,
        'invalid_request',
      );
      expect(body.error.details).toContainEqual({
        path: 'users.csv, line 3, enabledUser',
        message: 'Must be true or false',
      });
      expect(body.error.details).toContainEqual({
        path: 'roles.csv, line 4, role',
        message: 'headmaster is not a OneRoster role',
      });
    }
    expect(await server.count('schools')).toBe(0);
    expect(await auditRows(server)).toHaveLength(before.length);
  });

  it('refuses an import whose plan changed since the dry run', async () => {
    const files = rosterFixture('bulk');
    const { planId } = await dryRun(files);
    const res = await admin.client.post('/api/roster/oneroster/import', {
      files,
      mapping: { ...defaultMapping, administrator: 'coach' },
      planId,
    });
    await expectError(res, 409, 'conflict');
    expect(await server.count('schools')).toBe(0);
  });

  it('answers a bad mapping with field issues', async () => {
    const body = await expectError(
      await admin.client.post('/api/roster/oneroster/dry-run', {
        files: rosterFixture('bulk'),
        mapping: { ...defaultMapping, teacher: 'district_admin' },
      }),
      400,
      'invalid_request',
    );
    expect(body.error.details?.[0]?.path).toBe('mapping.teacher');
  });
});
