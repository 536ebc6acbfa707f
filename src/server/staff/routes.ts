import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { SchoolRole } from '../../shared/accounts';
import {
  InviteId,
  InviteRole,
  RoleChange,
  SchoolMove,
  type StaffDirectory,
} from '../../shared/staff-directory';
import {
  mayChangeStatus,
  mayMove,
  mayViewDirectory,
  type StaffHolder,
} from '../../shared/staff-rules';
import { createInvite } from '../admin/routes';
import { mayChangeRole, mayInvite } from '../auth/permissions';
import { findUserById, membershipsOf, setMembership } from '../auth/repository';
import { findSchool } from '../schools/repository';
import { recordAudit } from '../audit/repository';
import { requireSignIn, type AuthEnv, type Signedin } from '../auth/session';
import type { Database } from '../db/schema';
import type { EmailLinks } from '../email/outbox';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import {
  deactivate,
  districtDirectory,
  findInvite,
  moveMembership,
  reactivate,
  revokeInvite,
  schoolDirectory,
} from './repository';

const holderOf = (auth: Signedin): StaffHolder => ({
  userId: auth.userId,
  districtAdmin: auth.districtAdmin,
  memberships: auth.memberships,
});

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The staff directory and each person's lifecycle: roles, moves between schools,
 * deactivation, and open invites. Every change writes the audit log in its transaction.
 */
export function staffRoutes(
  db: Kysely<Database>,
  now: () => Date,
  mail: EmailLinks | null = null,
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());

  /** The person a route is about, with their schools; an answer when there is none. */
  const target = async (c: Context<AuthEnv>) => {
    const userId = c.req.param('userId') ?? '';
    if (!uuidPattern.test(userId)) {
      return { response: sendError(c, 400, 'invalid_request', 'This person id is not valid') };
    }
    const user = await findUserById(db, userId);
    if (!user) return { response: sendError(c, 404, 'not_found', 'No such person') };
    const memberships = await membershipsOf(db, userId);
    const holder: StaffHolder = { userId, districtAdmin: user.districtAdmin, memberships };
    return { user, holder };
  };

  routes.get('/', async (c) => {
    const auth = c.get('auth')!;
    const led = auth.memberships
      .map((m) => m.schoolId)
      .filter((schoolId) => mayViewDirectory(holderOf(auth), schoolId));
    if (!auth.districtAdmin && led.length === 0) {
      return sendError(c, 403, 'forbidden', 'Only district admins and principals see the staff');
    }
    const at = now();
    const schools = await schoolDirectory(db, auth.districtAdmin ? null : led, at);
    const district = auth.districtAdmin
      ? await districtDirectory(db, at)
      : { districtAdmins: [], districtInvites: [] };
    const body: StaffDirectory = { schools, ...district };
    return c.json(body);
  });

  routes.post('/:userId/role', async (c) => {
    const auth = c.get('auth')!;
    const body = await parseBody(c, RoleChange);
    if (!body.ok) return body.response;
    const found = await target(c);
    if ('response' in found) return found.response;
    const { schoolId, role } = body.value;
    const current = found.holder.memberships.find((m) => m.schoolId === schoolId)?.role ?? null;
    if (current === null) {
      return sendError(c, 409, 'conflict', 'This person is not in that school');
    }
    if (!mayChangeRole(auth, schoolId, current, role)) {
      return sendError(c, 403, 'forbidden', 'You may not give this role in this school');
    }
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      await setMembership(trx, found.user.id, schoolId, role);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'role.changed',
        subject: found.user.id,
        details: { schoolId, role, from: current },
      });
    });
    return c.json({ ok: true });
  });

  routes.post('/:userId/move', async (c) => {
    const auth = c.get('auth')!;
    const body = await parseBody(c, SchoolMove);
    if (!body.ok) return body.response;
    const found = await target(c);
    if ('response' in found) return found.response;
    const { fromSchoolId, toSchoolId } = body.value;
    if (!mayMove(holderOf(auth), found.holder, fromSchoolId, toSchoolId)) {
      return sendError(c, 403, 'forbidden', 'You may not move this person between these schools');
    }
    const role = found.holder.memberships.find((m) => m.schoolId === fromSchoolId)?.role;
    if (!role)
      return sendError(c, 409, 'conflict', 'This person is not in the school to move from');
    if (!(await findSchool(db, toSchoolId))) {
      return sendError(c, 404, 'not_found', 'No such school to move to');
    }
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      await moveMembership(trx, found.user.id, fromSchoolId, toSchoolId, SchoolRole.parse(role));
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'staff.moved',
        subject: found.user.id,
        details: { fromSchoolId, toSchoolId, role },
      });
    });
    return c.json({ ok: true });
  });

  for (const change of ['deactivate', 'reactivate'] as const) {
    routes.post(`/:userId/${change}`, async (c) => {
      const auth = c.get('auth')!;
      const found = await target(c);
      if ('response' in found) return found.response;
      if (!mayChangeStatus(holderOf(auth), found.holder)) {
        return sendError(
          c,
          403,
          'forbidden',
          found.user.id === auth.userId
            ? 'You cannot change your own account this way'
            : 'You may not change this person’s account',
        );
      }
      const at = now().toISOString();
      const outcome = await db.transaction().execute(async (trx) => {
        const done =
          change === 'deactivate'
            ? await deactivate(trx, found.user.id, at)
            : (await reactivate(trx, found.user.id))
              ? 0
              : null;
        if (done === null) return null;
        await recordAudit(trx, {
          id: randomUUID(),
          at,
          actorId: auth.userId,
          action: change === 'deactivate' ? 'staff.deactivated' : 'staff.reactivated',
          subject: found.user.id,
          details: change === 'deactivate' ? { sessionsEnded: done } : undefined,
        });
        return done;
      });
      if (outcome === null) {
        return sendError(
          c,
          409,
          'conflict',
          change === 'deactivate'
            ? 'This person is deactivated already'
            : 'This person is active already',
        );
      }
      return c.json(change === 'deactivate' ? { ok: true, sessionsEnded: outcome } : { ok: true });
    });
  }

  /** The invite a route is about, if the caller may manage it; an answer otherwise. */
  const ownInvite = async (c: Context<AuthEnv>) => {
    const id = InviteId.safeParse(c.req.param('id'));
    if (!id.success)
      return { response: sendError(c, 400, 'invalid_request', 'This invite id is not valid') };
    const invite = await findInvite(db, id.data);
    if (!invite) return { response: sendError(c, 404, 'not_found', 'No such invite') };
    const role = InviteRole.parse(invite.role);
    if (!mayInvite(c.get('auth')!, invite.school_id, role)) {
      return { response: sendError(c, 403, 'forbidden', 'You may not manage this invite') };
    }
    if (invite.used_at !== null || invite.revoked_at !== null) {
      return {
        response: sendError(c, 409, 'conflict', 'This invite was accepted or revoked already'),
      };
    }
    return { invite, role };
  };

  routes.post('/invites/:id/revoke', async (c) => {
    const auth = c.get('auth')!;
    const found = await ownInvite(c);
    if ('response' in found) return found.response;
    const at = now().toISOString();
    const revoked = await db.transaction().execute(async (trx) => {
      if (!(await revokeInvite(trx, found.invite.token_hash, at))) return false;
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'invite.revoked',
        subject: found.invite.email ?? '(no email)',
        details: { role: found.role, schoolId: found.invite.school_id },
      });
      return true;
    });
    if (!revoked)
      return sendError(c, 409, 'conflict', 'This invite was accepted or revoked already');
    return c.json({ ok: true });
  });

  /** A resent invite is a new link (only hashes are kept); the old link stops working. */
  routes.post('/invites/:id/resend', async (c) => {
    const auth = c.get('auth')!;
    const found = await ownInvite(c);
    if ('response' in found) return found.response;
    const { invite, role } = found;
    const school = invite.school_id ? await findSchool(db, invite.school_id) : null;
    const at = now();
    const made = await db.transaction().execute(async (trx) => {
      if (!(await revokeInvite(trx, invite.token_hash, at.toISOString()))) return null;
      await recordAudit(trx, {
        id: randomUUID(),
        at: at.toISOString(),
        actorId: auth.userId,
        action: 'invite.resent',
        subject: invite.email ?? '(no email)',
        details: { role, schoolId: invite.school_id },
      });
      return createInvite(
        trx,
        {
          schoolId: invite.school_id,
          schoolName: school?.name ?? null,
          role,
          name: invite.name ?? undefined,
          email: invite.email ?? undefined,
        },
        { id: auth.userId, name: auth.name },
        at,
        mail,
      );
    });
    if (!made) return sendError(c, 409, 'conflict', 'This invite was accepted or revoked already');
    if (made.emailQueued) mail?.queued();
    return c.json({ ...made, emailOn: mail !== null });
  });

  return routes;
}
