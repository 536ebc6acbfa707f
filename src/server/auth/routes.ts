import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { AcceptInvite, LoginRequest, SetupRequest } from '../../shared/account-requests';
import { SchoolRole, type Me } from '../../shared/accounts';
import type { Database } from '../db/schema';
import type { EmailLinks } from '../email/outbox';
import type { Queryable } from '../db/queryable';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { address, tooManyAttempts } from './client-address';
import { trustDevice, trustedDeviceOf } from './devices';
import { claimInvite, claimSetupToken, findInvite, findSetupToken } from './link-repository';
import { passwordResetRoutes } from './password-reset';
import { hashPassword, verifyPassword, type ScryptCost } from './password';
import {
  countUsers,
  deleteSession,
  deleteSessionsOf,
  findUserByEmail,
  insertUser,
  setMembership,
} from './repository';
import { listSchools } from '../schools/repository';
import { recordAudit } from '../audit/repository';
import {
  endSessionCookie,
  requireSignIn,
  startSession,
  type AuthEnv,
  type Signedin,
} from './session';
import { accountRule, addressRule, clearFailures, giveBackAttempt, takeAttempt } from './throttle';
import { hashToken } from './tokens';
import { withPhotoSetting } from '../photos/school-setting';
import { passwordsOn } from '../settings/repository';

export interface AuthOptions {
  now: () => Date;
  cost?: ScryptCost;
  /** Email links and the worker's wake-up; null or absent when email is off. */
  mail?: EmailLinks | null;
}

export async function meOf(db: Queryable, auth: Signedin): Promise<Me> {
  const schools = auth.districtAdmin
    ? await listSchools(db)
    : auth.memberships.map((m) => ({ id: m.schoolId, name: m.schoolName }));
  return {
    user: {
      id: auth.userId,
      name: auth.name,
      email: auth.email,
      districtAdmin: auth.districtAdmin,
    },
    memberships: auth.memberships,
    schools: await withPhotoSetting(db, schools), // photos:
  };
}

/** What a person is told when the district turned password sign-in off. */
export const passwordsOffMessage =
  'Password sign-in is turned off for this district: use single sign-on';

/** What a deactivated person is told, once they have proved who they are. */
export const deactivatedMessage =
  'This account has been deactivated; ask your district admin if you need it again';

const fail = (error: string) => ({ ok: false as const, error });

export function authRoutes(db: Kysely<Database>, options: AuthOptions): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  const { now } = options;
  // Compared against when the email is unknown, so timing does not reveal accounts.
  const decoy = hashPassword('not-a-real-password', options.cost);

  /**
   * Set-up and invite links are guessed like passwords: throttled per address as
   * sign-in is, and checked before the costly hash, so a wrong guess costs nothing.
   */
  const linkAttempt = async (c: Context): Promise<Response | null> => {
    const wait = await takeAttempt(db, `link:${address(c)}`, addressRule, now());
    return wait === 0 ? null : tooManyAttempts(c, wait);
  };
  const linkWorked = (c: Context) => giveBackAttempt(db, `link:${address(c)}`);

  routes.post('/setup', async (c) => {
    const body = await parseBody(c, SetupRequest);
    if (!body.ok) return body.response;
    const throttled = await linkAttempt(c);
    if (throttled) return throttled;
    const { token, name, email, password } = body.value;
    const at = now().toISOString();
    const usable = await findSetupToken(db, hashToken(token));
    if (!usable || usable.used_at !== null) {
      return sendError(c, 403, 'forbidden', 'This set-up link was used already or is not valid');
    }
    const passwordHash = await hashPassword(password, options.cost);
    const userId = randomUUID();
    const done = await db.transaction().execute(async (trx) => {
      const stored = await findSetupToken(trx, hashToken(token));
      if (!stored || stored.used_at !== null || (await countUsers(trx)) > 0) return false;
      if (!(await claimSetupToken(trx, stored.token_hash, at))) return false;
      await insertUser(trx, {
        id: userId,
        email,
        name,
        passwordHash,
        districtAdmin: true,
        createdAt: at,
      });
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: userId,
        action: 'setup',
        subject: userId,
      });
      return true;
    });
    if (!done)
      return sendError(c, 403, 'forbidden', 'This set-up link was used already or is not valid');
    await linkWorked(c);
    await startSession(c, db, userId, now());
    return c.json({ ok: true }, 201);
  });

  routes.post('/login', async (c) => {
    const body = await parseBody(c, LoginRequest);
    if (!body.ok) return body.response;
    if (!(await passwordsOn(db))) return sendError(c, 403, 'forbidden', passwordsOffMessage);
    const { email, password } = body.value;
    const at = now();
    const user = await findUserByEmail(db, email);
    // A browser this person signed in on before has a limit of its own; every other
    // attempt counts against the account and against the address it comes from.
    const device = await trustedDeviceOf(db, c, user?.id);
    const keys: Array<[string, typeof accountRule]> = device
      ? [[`device:${device}`, accountRule]]
      : [
          [`account:${email}`, accountRule],
          [`address:${address(c)}`, addressRule],
        ];
    let wait = 0;
    for (const [key, rule] of keys) wait = Math.max(wait, await takeAttempt(db, key, rule, at));
    if (wait > 0) return tooManyAttempts(c, wait);
    const valid = user
      ? await verifyPassword(password, user.passwordHash)
      : (await verifyPassword(password, await decoy), false);
    if (!user || !valid) {
      return sendError(c, 401, 'unauthorized', 'That email and password do not match an account');
    }
    if (user.deactivated) {
      return sendError(c, 403, 'forbidden', deactivatedMessage);
    }
    if (device) {
      await clearFailures(db, `device:${device}`);
    } else {
      await clearFailures(db, `account:${email}`);
      // A school signing in together from one address is not an attack.
      await giveBackAttempt(db, `address:${address(c)}`);
      await trustDevice(db, c, user.id, at);
    }
    await startSession(c, db, user.id, at);
    return c.json({ ok: true });
  });

  routes.post('/accept-invite', async (c) => {
    const body = await parseBody(c, AcceptInvite);
    if (!body.ok) return body.response;
    if (!(await passwordsOn(db))) return sendError(c, 403, 'forbidden', passwordsOffMessage);
    const throttled = await linkAttempt(c);
    if (throttled) return throttled;
    const { token, name, email, password } = body.value;
    const at = now().toISOString();
    const usable = await findInvite(db, hashToken(token));
    if (
      !usable ||
      usable.used_at !== null ||
      usable.revoked_at !== null ||
      Date.parse(usable.expires_at) < Date.parse(at)
    ) {
      return sendError(
        c,
        409,
        'conflict',
        'This invite link was used already, has expired or is not valid',
      );
    }
    const passwordHash = await hashPassword(password, options.cost);
    const outcome = await db.transaction().execute(async (trx) => {
      const invite = await findInvite(trx, hashToken(token));
      if (
        !invite ||
        invite.used_at !== null ||
        invite.revoked_at !== null ||
        Date.parse(invite.expires_at) < Date.parse(at)
      ) {
        return fail('This invite link was used already, has expired or is not valid');
      }
      if (invite.email && invite.email !== email) {
        return fail('This invite is for another email address');
      }
      if (await findUserByEmail(trx, email)) {
        return fail('An account with this email exists already; ask your admin to add you');
      }
      const userId = randomUUID();
      if (!(await claimInvite(trx, invite.token_hash, at, userId))) {
        return fail('This invite link was used already, has expired or is not valid');
      }
      await insertUser(trx, {
        id: userId,
        email,
        name,
        passwordHash,
        districtAdmin: invite.role === 'district_admin',
        createdAt: at,
      });
      if (invite.school_id && invite.role !== 'district_admin') {
        await setMembership(trx, userId, invite.school_id, SchoolRole.parse(invite.role));
      }
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: userId,
        action: 'invite.accepted',
        subject: userId,
        details: { role: invite.role, schoolId: invite.school_id },
      });
      return { ok: true as const, userId };
    });
    if (!outcome.ok) return sendError(c, 409, 'conflict', outcome.error);
    await linkWorked(c);
    await startSession(c, db, outcome.userId, now());
    return c.json({ ok: true }, 201);
  });

  routes.route('/password-reset', passwordResetRoutes(db, { ...options, linkAttempt, linkWorked }));

  routes.get('/me', requireSignIn(), async (c) => c.json(await meOf(db, c.get('auth')!)));

  routes.post('/logout', async (c) => {
    const auth = c.get('auth');
    if (auth) await deleteSession(db, auth.sessionHash);
    endSessionCookie(c);
    return c.json({ ok: true });
  });

  routes.post('/logout-everywhere', requireSignIn(), async (c) => {
    const auth = c.get('auth')!;
    const ended = await deleteSessionsOf(db, auth.userId);
    endSessionCookie(c);
    return c.json({ ok: true, ended });
  });

  return routes;
}
