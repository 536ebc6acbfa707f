import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import { InviteCreate, SchoolCreate } from '../../shared/account-requests';
import { SchoolRole } from '../../shared/accounts';
import { mayChangeRole, mayInvite } from '../auth/permissions';
import { recordAudit } from '../audit/repository';
import { insertInvite } from '../auth/link-repository';
import { findUserById, membershipsOf, setMembership } from '../auth/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import { hashToken, newToken } from '../auth/tokens';
import type { Database } from '../db/schema';
import { queueEmail, type EmailLinks } from '../email/outbox';
import { inviteEmail } from '../email/templates';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import type { Queryable } from '../db/queryable';
import { findSchool, findSchoolByName, insertSchool, listSchools } from '../schools/repository';
import { parseRoster } from './roster';

const INVITE_DAYS = 14;
const RosterUpload = z.object({ csv: z.string().check(z.maxLength(1_000_000)) });
const MembershipChange = z.object({ userId: z.uuid(), schoolId: z.uuid(), role: SchoolRole });

interface Inviter {
  id: string;
  name: string;
}

/**
 * Makes an invite link; with email on and an address given, queues the invite in
 * the same transaction, so it is emailed exactly when the invite exists.
 */
export async function createInvite(
  db: Queryable,
  invite: {
    schoolId: string | null;
    schoolName: string | null;
    role: SchoolRole | 'district_admin';
    name?: string | undefined;
    email?: string | undefined;
  },
  inviter: Inviter,
  now: Date,
  mail: EmailLinks | null,
) {
  const actorId = inviter.id;
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
  await insertInvite(db, {
    tokenHash: hashToken(token),
    schoolId: invite.schoolId,
    role: invite.role,
    name: invite.name ?? null,
    email: invite.email ?? null,
    createdBy: actorId,
    createdAt: now.toISOString(),
    expiresAt,
  });
  await recordAudit(db, {
    id: randomUUID(),
    at: now.toISOString(),
    actorId,
    action: 'invite.created',
    subject: invite.email ?? '(no email)',
    details: { role: invite.role, schoolId: invite.schoolId },
  });
  const link = `/#/invite/${token}`;
  const emailQueued = Boolean(mail && invite.email);
  if (mail && invite.email) {
    await queueEmail(
      db,
      {
        kind: 'invite',
        to: invite.email,
        ...inviteEmail({
          inviterName: inviter.name,
          role: invite.role,
          schoolName: invite.schoolName,
          link: `${mail.publicUrl}${link}`,
          expiresAt,
        }),
      },
      now,
    );
  }
  return { link, expiresAt, emailQueued };
}

/** School, invite and roster management; every route checks the caller's role. */
export function adminRoutes(
  db: Kysely<Database>,
  now: () => Date,
  mail: EmailLinks | null = null,
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());

  routes.get('/schools', async (c) => {
    if (!c.get('auth')!.districtAdmin) {
      return sendError(c, 403, 'forbidden', 'Only district admins manage schools');
    }
    return c.json({ schools: await listSchools(db) });
  });

  routes.post('/schools', async (c) => {
    const auth = c.get('auth')!;
    if (!auth.districtAdmin)
      return sendError(c, 403, 'forbidden', 'Only district admins manage schools');
    const body = await parseBody(c, SchoolCreate);
    if (!body.ok) return body.response;
    if (await findSchoolByName(db, body.value.name)) {
      return sendError(c, 409, 'conflict', `There is already a school named ${body.value.name}`);
    }
    const id = randomUUID();
    const at = now().toISOString();
    const created = await db
      .transaction()
      .execute(async (trx) => {
        await insertSchool(trx, id, body.value.name, at);
        await recordAudit(trx, {
          id: randomUUID(),
          at,
          actorId: auth.userId,
          action: 'school.created',
          subject: id,
        });
        return true;
      })
      // Two admins creating the same school at once: the unique index refuses one.
      .catch(async (error: unknown) => {
        if (await findSchoolByName(db, body.value.name)) return false;
        throw error;
      });
    if (!created) {
      return sendError(c, 409, 'conflict', `There is already a school named ${body.value.name}`);
    }
    return c.json({ id, name: body.value.name }, 201);
  });

  routes.post('/invites', async (c) => {
    const auth = c.get('auth')!;
    const body = await parseBody(c, InviteCreate);
    if (!body.ok) return body.response;
    const { schoolId, role } = body.value;
    if ((role === 'district_admin') !== (schoolId === null)) {
      return sendError(
        c,
        400,
        'invalid_request',
        'A district admin has no school; every other role needs one',
      );
    }
    if (!mayInvite(auth, schoolId, role)) {
      return sendError(c, 403, 'forbidden', 'You may not invite this role to this school');
    }
    const school = schoolId ? await findSchool(db, schoolId) : null;
    if (schoolId && !school) return sendError(c, 404, 'not_found', 'No such school');
    const invite = await db
      .transaction()
      .execute((trx) =>
        createInvite(
          trx,
          { ...body.value, schoolName: school?.name ?? null },
          { id: auth.userId, name: auth.name },
          now(),
          mail,
        ),
      );
    if (invite.emailQueued) mail?.queued();
    return c.json({ ...invite, emailOn: mail !== null }, 201);
  });

  routes.post('/roster', async (c) => {
    const auth = c.get('auth')!;
    if (!auth.districtAdmin)
      return sendError(c, 403, 'forbidden', 'Only district admins import rosters');
    const body = await parseBody(c, RosterUpload);
    if (!body.ok) return body.response;
    const { rows, problems } = parseRoster(body.value.csv);
    const schools = new Map((await listSchools(db)).map((s) => [s.name.toLowerCase(), s]));
    for (const row of rows) {
      if (!schools.has(row.school.toLowerCase())) {
        problems.push({ row: row.row, message: `No school named ${row.school}` });
      }
    }
    if (problems.length > 0 || rows.length === 0) {
      const details = (
        problems.length ? problems : [{ row: 1, message: 'The roster has no staff rows' }]
      )
        .sort((a, b) => a.row - b.row)
        .map((p) => ({ path: `row ${p.row}`, message: p.message }));
      return sendError(
        c,
        400,
        'invalid_request',
        'Nothing was imported; fix these rows and try again',
        details,
      );
    }
    const invites = await db.transaction().execute(async (trx) => {
      const made = [];
      for (const row of rows) {
        const school = schools.get(row.school.toLowerCase())!;
        const invite = await createInvite(
          trx,
          {
            schoolId: school.id,
            schoolName: school.name,
            role: row.role,
            name: row.name,
            email: row.email,
          },
          { id: auth.userId, name: auth.name },
          now(),
          mail,
        );
        made.push({
          row: row.row,
          name: row.name,
          email: row.email,
          school: row.school,
          role: row.role,
          ...invite,
        });
      }
      return made;
    });
    if (invites.some((i) => i.emailQueued)) mail?.queued();
    return c.json({ invites }, 201);
  });

  routes.post('/memberships', async (c) => {
    const auth = c.get('auth')!;
    const body = await parseBody(c, MembershipChange);
    if (!body.ok) return body.response;
    const { userId, schoolId, role } = body.value;
    const current =
      (await membershipsOf(db, userId)).find((m) => m.schoolId === schoolId)?.role ?? null;
    if (!mayChangeRole(auth, schoolId, current, role)) {
      return sendError(c, 403, 'forbidden', 'You may not give this role in this school');
    }
    if (!(await findSchool(db, schoolId)) || !(await findUserById(db, userId))) {
      return sendError(c, 404, 'not_found', 'No such user or school');
    }
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      await setMembership(trx, userId, schoolId, role);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'role.changed',
        subject: userId,
        details: { schoolId, role },
      });
    });
    return c.json({ ok: true });
  });

  return routes;
}
