import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acceptInvite,
  addMember,
  createSchool,
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

interface RosterInvite {
  row: number;
  name: string;
  email: string;
  school: string;
  role: string;
  link: string;
  expiresAt: string;
}

describe.each(dialects)('roster import on %s', (dialect) => {
  let server: AccountsServer;
  let admin: SignedIn;
  let lincoln: string;
  let adams: string;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
    admin = await setUpDistrictAdmin(server);
    lincoln = await createSchool(admin.client, 'Lincoln Elementary');
    adams = await createSchool(admin.client, 'Adams Middle');
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const upload = (csv: string, as = admin.client) => as.post('/api/admin/roster', { csv });
  const refused = async (csv: string) => {
    const body = await expectError(await upload(csv), 400, 'invalid_request');
    expect(await server.count('invites')).toBe(0);
    expect(await server.count('audit_log')).toBe(3);
    return body.error.details ?? [];
  };

  it('creates one invite per row and returns their links', async () => {
    const res = await upload(
      [
        'name,email,school,role',
        'Ana Teacher,ana@district.example,Lincoln Elementary,teacher',
        'Ben Coach,ben@district.example,Adams Middle,coach',
        '"Principal, Carla",carla@district.example,Lincoln Elementary,principal',
      ].join('\n'),
    );
    expect(res.status).toBe(201);
    const { invites } = (await res.json()) as { invites: RosterInvite[] };
    expect(invites.map(({ link: _link, expiresAt: _at, ...rest }) => rest)).toEqual([
      {
        row: 2,
        name: 'Ana Teacher',
        email: 'ana@district.example',
        school: 'Lincoln Elementary',
        role: 'teacher',
        emailQueued: false,
      },
      {
        row: 3,
        name: 'Ben Coach',
        email: 'ben@district.example',
        school: 'Adams Middle',
        role: 'coach',
        emailQueued: false,
      },
      {
        row: 4,
        name: 'Principal, Carla',
        email: 'carla@district.example',
        school: 'Lincoln Elementary',
        role: 'principal',
        emailQueued: false,
      },
    ]);
    for (const invite of invites) expect(invite.link).toMatch(/^\/#\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(new Set(invites.map((i) => i.link)).size).toBe(3);
    expect(await server.count('invites')).toBe(3);

    const rows = await server.db.db
      .selectFrom('invites')
      .select(['email', 'name', 'school_id', 'role', 'created_by'])
      .orderBy('email')
      .execute();
    expect(rows).toEqual([
      {
        email: 'ana@district.example',
        name: 'Ana Teacher',
        school_id: lincoln,
        role: 'teacher',
        created_by: admin.me.user.id,
      },
      {
        email: 'ben@district.example',
        name: 'Ben Coach',
        school_id: adams,
        role: 'coach',
        created_by: admin.me.user.id,
      },
      {
        email: 'carla@district.example',
        name: 'Principal, Carla',
        school_id: lincoln,
        role: 'principal',
        created_by: admin.me.user.id,
      },
    ]);
  });

  it('gives links that the named staff member can accept', async () => {
    const res = await upload(
      'name,email,school,role\nBen Coach,ben@district.example,Adams Middle,coach\n',
    );
    const { invites } = (await res.json()) as { invites: RosterInvite[] };
    const token = inviteToken(invites[0]?.link ?? '');
    const { me } = await acceptInvite(server, token, person({ email: 'ben@district.example' }));
    expect(me.memberships).toEqual([
      { schoolId: adams, schoolName: 'Adams Middle', role: 'coach' },
    ]);
  });

  it('reads a byte-order mark, any column order and any header case', async () => {
    const res = await upload(
      '\uFEFFRole, EMAIL ,School,Name\r\nTeacher,ANA@District.Example,lincoln elementary,Ana Teacher\r\n\r\n',
    );
    expect(res.status).toBe(201);
    const { invites } = (await res.json()) as { invites: RosterInvite[] };
    expect(invites).toEqual([
      expect.objectContaining({
        row: 2,
        name: 'Ana Teacher',
        email: 'ana@district.example',
        role: 'teacher',
      }),
    ]);
    const row = await server.db.db
      .selectFrom('invites')
      .select(['school_id', 'role'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ school_id: lincoln, role: 'teacher' });
  });

  it.each([
    ['a bad email', 'Ana,not-an-email,Lincoln Elementary,teacher', /email/i],
    ['an unknown role', 'Ana,ana@district.example,Lincoln Elementary,janitor', /role/i],
    ['an unknown school', 'Ana,ana@district.example,Springfield High,teacher', /Springfield High/],
    ['a missing name', ',ana@district.example,Lincoln Elementary,teacher', /name/i],
    [
      'a district admin role',
      'Ana,ana@district.example,Lincoln Elementary,district_admin',
      /role/i,
    ],
    ['too few cells', 'Ana,ana@district.example,Lincoln Elementary', /.+/],
  ])('refuses the whole roster for %s and names the row', async (_what, line, message) => {
    const details = await refused(
      ['name,email,school,role', 'Ben Coach,ben@district.example,Adams Middle,coach', line].join(
        '\n',
      ),
    );
    expect(new Set(details.map((d) => d.path))).toEqual(new Set(['row 3']));
    expect(details.map((d) => d.message).join('\n')).toMatch(message);
  });

  it('refuses a roster that names the same email twice, pointing at both rows', async () => {
    const details = await refused(
      [
        'name,email,school,role',
        'Ana Teacher,ana@district.example,Lincoln Elementary,teacher',
        'Ben Coach,ben@district.example,Adams Middle,coach',
        'Ana Again,ANA@district.example,Adams Middle,coach',
      ].join('\n'),
    );
    expect(details).toEqual([
      { path: 'row 4', message: 'ana@district.example is already on row 2' },
    ]);
  });

  it('refuses a roster missing a column', async () => {
    const details = await refused('name,email,school\nAna,ana@district.example,Lincoln Elementary');
    expect(details).toEqual([{ path: 'row 1', message: 'Missing column(s): role' }]);
  });

  it('refuses a roster with no staff rows', async () => {
    const details = await refused('name,email,school,role\n');
    expect(details.map((d) => d.path)).toEqual(['row 1']);
  });

  it('lists every bad row in order', async () => {
    const details = await refused(
      [
        'name,email,school,role',
        'Ana,ana@district.example,Nowhere,teacher',
        'Ben Coach,ben@district.example,Adams Middle,coach',
        'Cy,bad,Adams Middle,coach',
        'Di,di@district.example,Adams Middle,boss',
      ].join('\n'),
    );
    expect(details.map((d) => d.path)).toEqual(['row 2', 'row 4', 'row 5']);
  });

  it('refuses a body without the csv field', async () => {
    const body = await expectError(
      await admin.client.post('/api/admin/roster', { file: 'x' }),
      400,
      'invalid_request',
    );
    expect(body.error.details?.map((d) => d.path)).toEqual(['csv']);
  });

  it('lets only a district admin import a roster', async () => {
    const principal = await addMember(server, admin.client, lincoln, 'principal');
    await expectError(
      await upload(
        'name,email,school,role\nAna,ana@district.example,Lincoln Elementary,teacher',
        principal.client,
      ),
      403,
      'forbidden',
    );
    expect(await server.count('invites')).toBe(1);
  });
});
