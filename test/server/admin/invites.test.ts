import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../../src/server/auth/tokens';
import {
  DAY,
  acceptInvite,
  addMember,
  createSchool,
  invite,
  person,
  readMe,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { expectError, sessionSetCookie } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('invites on %s', (dialect) => {
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

  const accept = (token: string, who = person()) =>
    server.client().post('/api/auth/accept-invite', { token, ...who });

  describe('from a district admin', () => {
    it.each(['teacher', 'coach', 'principal'] as const)(
      'invites a %s with a one-time link that stores only its hash',
      async (role) => {
        const res = await admin.client.post('/api/admin/invites', { schoolId: lincoln, role });
        expect(res.status).toBe(201);
        const body = (await res.json()) as { link: string; expiresAt: string };
        expect(body.link).toMatch(/^\/#\/invite\/[A-Za-z0-9_-]{43}$/);
        expect(body.expiresAt).toBe(
          new Date(server.clock.now().getTime() + 14 * DAY).toISOString(),
        );
        const token = body.link.slice('/#/invite/'.length);
        const rows = await server.db.db.selectFrom('invites').selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          token_hash: hashToken(token),
          school_id: lincoln,
          role,
          created_by: admin.me.user.id,
          used_at: null,
        });
        expect(JSON.stringify(rows)).not.toContain(token);
      },
    );

    it('signs the invitee in and shows the membership in /me', async () => {
      const token = await invite(admin.client, { schoolId: lincoln, role: 'coach' });
      const client = server.client();
      const who = person({ name: 'Casey Coach', email: 'Casey.Coach@District.Example' });
      const res = await client.post('/api/auth/accept-invite', { token, ...who });
      expect(res.status).toBe(201);
      expect(sessionSetCookie(res)).toBeDefined();
      expect(await readMe(client)).toEqual({
        user: {
          id: expect.any(String),
          name: 'Casey Coach',
          email: 'casey.coach@district.example',
          districtAdmin: false,
        },
        memberships: [{ schoolId: lincoln, schoolName: 'Lincoln Elementary', role: 'coach' }],
        schools: [{ id: lincoln, name: 'Lincoln Elementary' }],
      });

      const login = await server.client().post('/api/auth/login', {
        email: 'casey.coach@district.example',
        password: who.password,
      });
      expect(login.status).toBe(200);
    });

    it('invites another district admin, who belongs to no school', async () => {
      const { me } = await addMember(server, admin.client, null, 'district_admin');
      expect(me.user.districtAdmin).toBe(true);
      expect(me.memberships).toEqual([]);
    });

    it('refuses a district admin invite tied to a school, and a school role without one', async () => {
      await expectError(
        await admin.client.post('/api/admin/invites', {
          schoolId: lincoln,
          role: 'district_admin',
        }),
        400,
        'invalid_request',
      );
      await expectError(
        await admin.client.post('/api/admin/invites', { schoolId: null, role: 'teacher' }),
        400,
        'invalid_request',
      );
      expect(await server.count('invites')).toBe(0);
    });

    it('answers 404 for a school that does not exist', async () => {
      await expectError(
        await admin.client.post('/api/admin/invites', {
          schoolId: crypto.randomUUID(),
          role: 'teacher',
        }),
        404,
        'not_found',
      );
      expect(await server.count('invites')).toBe(0);
    });

    it('names the fields of a malformed invite', async () => {
      const body = await expectError(
        await admin.client.post('/api/admin/invites', {
          schoolId: 'lincoln',
          role: 'janitor',
          email: 'nope',
        }),
        400,
        'invalid_request',
      );
      expect(body.error.details?.map((d) => d.path).sort()).toEqual(['email', 'role', 'schoolId']);
    });
  });

  describe('accepting', () => {
    it('works once; the second use is a conflict', async () => {
      const token = await invite(admin.client, { schoolId: lincoln, role: 'teacher' });
      expect((await accept(token)).status).toBe(201);
      const res = await accept(token);
      await expectError(res, 409, 'conflict');
      expect(sessionSetCookie(res)).toBeUndefined();
      expect(await server.count('users')).toBe(2);
    });

    it('marks the invite used by the new account', async () => {
      const token = await invite(admin.client, { schoolId: lincoln, role: 'teacher' });
      const { me } = await acceptInvite(server, token);
      const row = await server.db.db
        .selectFrom('invites')
        .select(['used_at', 'used_by'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ used_at: server.clock.now().toISOString(), used_by: me.user.id });
    });

    it('refuses an invite after its 14 days', async () => {
      const token = await invite(admin.client, { schoolId: lincoln, role: 'teacher' });
      server.clock.advance(14 * DAY + 1);
      await expectError(await accept(token), 409, 'conflict');
      expect(await server.count('users')).toBe(1);
    });

    it('still accepts an invite on its last day', async () => {
      const token = await invite(admin.client, { schoolId: lincoln, role: 'teacher' });
      server.clock.advance(14 * DAY - 60_000);
      expect((await accept(token)).status).toBe(201);
    });

    it('refuses a token that was never issued', async () => {
      await expectError(await accept('a'.repeat(43)), 409, 'conflict');
      expect(await server.count('users')).toBe(1);
    });

    it('refuses another email than the one the invite names', async () => {
      const who = person();
      const token = await invite(admin.client, {
        schoolId: lincoln,
        role: 'teacher',
        email: who.email,
      });
      const body = await expectError(await accept(token, person()), 409, 'conflict');
      expect(body.error.message).toBe('This invite is for another email address');
      expect(await server.count('users')).toBe(1);
      expect((await accept(token, { ...who, email: who.email.toUpperCase() })).status).toBe(201);
    });

    it('refuses an email that already has an account', async () => {
      const token = await invite(admin.client, { schoolId: lincoln, role: 'teacher' });
      await expectError(
        await accept(token, { ...person(), email: admin.person.email }),
        409,
        'conflict',
      );
      expect(await server.count('users')).toBe(1);
      expect(await server.count('memberships')).toBe(0);
    });

    it('refuses a short password and keeps the invite usable', async () => {
      const token = await invite(admin.client, { schoolId: lincoln, role: 'teacher' });
      const body = await expectError(
        await accept(token, person({ password: 'too short' })),
        400,
        'invalid_request',
      );
      expect(body.error.details?.map((d) => d.path)).toEqual(['password']);
      expect((await accept(token)).status).toBe(201);
    });

    // Simultaneous accepts once all read the invite as unused on PostgreSQL; the
    // invite is now claimed by one UPDATE ... WHERE used_at IS NULL.
    it('makes one account when an invite is accepted three times at once', async () => {
      const token = await invite(admin.client, { schoolId: lincoln, role: 'teacher' });
      const answers = await Promise.all([accept(token), accept(token), accept(token)]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(await server.count('users')).toBe(2);
    });
  });

  describe('from a principal', () => {
    let principal: SignedIn;

    beforeEach(async () => {
      principal = await addMember(server, admin.client, lincoln, 'principal');
    });

    it.each(['teacher', 'coach'] as const)('invites a %s to their own school', async (role) => {
      const token = await invite(principal.client, { schoolId: lincoln, role });
      const { me } = await acceptInvite(server, token);
      expect(me.memberships).toEqual([
        { schoolId: lincoln, schoolName: 'Lincoln Elementary', role },
      ]);
    });

    it('may not invite a principal, another school, or a district admin', async () => {
      for (const body of [
        { schoolId: lincoln, role: 'principal' },
        { schoolId: adams, role: 'teacher' },
        { schoolId: adams, role: 'coach' },
        { schoolId: null, role: 'district_admin' },
      ]) {
        await expectError(
          await principal.client.post('/api/admin/invites', body),
          403,
          'forbidden',
        );
      }
      expect(await server.count('invites')).toBe(1);
    });
  });

  describe('from anyone else', () => {
    it.each(['teacher', 'coach'] as const)('a %s may invite nobody', async (role) => {
      const member = await addMember(server, admin.client, lincoln, role);
      for (const body of [
        { schoolId: lincoln, role: 'teacher' },
        { schoolId: lincoln, role: 'coach' },
        { schoolId: lincoln, role: 'principal' },
        { schoolId: null, role: 'district_admin' },
      ]) {
        await expectError(await member.client.post('/api/admin/invites', body), 403, 'forbidden');
      }
      expect(await server.count('invites')).toBe(1);
    });

    it('someone signed out is asked to sign in', async () => {
      await expectError(
        await server.client().post('/api/admin/invites', { schoolId: lincoln, role: 'teacher' }),
        401,
        'unauthorized',
      );
      expect(await server.count('invites')).toBe(0);
    });
  });
});
