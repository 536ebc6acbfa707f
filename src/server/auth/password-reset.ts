import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { PasswordResetConfirm, PasswordResetRequest } from '../../shared/account-requests';
import type { Database } from '../db/schema';
import { queueEmail, type EmailLinks } from '../email/outbox';
import { passwordResetEmail } from '../email/templates';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { address, tooManyAttempts } from './client-address';
import { hashPassword, type ScryptCost } from './password';
import { deleteSessionsOf, findUserByEmail } from './repository';
import { recordAudit } from '../audit/repository';
import type { AuthEnv } from './session';
import { accountRule, addressRule, clearFailures, takeAttempt } from './throttle';
import { hashToken, newToken } from './tokens';

/** A reset link works once, for an hour. */
export const RESET_LINK_MS = 60 * 60_000;

interface ResetOptions {
  now: () => Date;
  cost?: ScryptCost;
  mail?: EmailLinks | null;
  /** The set-up and invite links' throttle: a reset link is guessed the same way. */
  linkAttempt: (c: Context) => Promise<Response | null>;
  linkWorked: (c: Context) => Promise<void>;
}

const notUsable = 'This reset link was used already, has expired or is not valid';

async function usableReset(db: Kysely<Database>, token: string, at: Date) {
  const row = await db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row && row.used_at === null && Date.parse(row.expires_at) > at.getTime() ? row : null;
}

/**
 * "Forgot password?" and the emailed link. Asking answers the same for every
 * address, so it tells nobody who has an account; the link is kept only as a hash.
 */
export function passwordResetRoutes(db: Kysely<Database>, options: ResetOptions): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  const { now, mail = null } = options;

  routes.post('/', async (c) => {
    const body = await parseBody(c, PasswordResetRequest);
    if (!body.ok) return body.response;
    const { email } = body.value;
    const at = now();
    // Every request counts, known address or not: the limit says nothing about accounts.
    let wait = 0;
    for (const [key, rule] of [
      [`reset-account:${email}`, accountRule],
      [`reset-address:${address(c)}`, addressRule],
    ] as const) {
      wait = Math.max(wait, await takeAttempt(db, key, rule, at));
    }
    if (wait > 0) return tooManyAttempts(c, wait);
    const user = mail ? await findUserByEmail(db, email) : null;
    // A deactivated person is sent nothing, and told the same as anyone.
    if (mail && user && !user.deactivated) {
      const token = newToken();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('password_resets')
          .values({
            token_hash: hashToken(token),
            user_id: user.id,
            created_at: at.toISOString(),
            expires_at: new Date(at.getTime() + RESET_LINK_MS).toISOString(),
            used_at: null,
          })
          .execute();
        await queueEmail(
          trx,
          {
            kind: 'password-reset',
            to: user.email,
            ...passwordResetEmail({ name: user.name, link: `${mail.publicUrl}/#/reset/${token}` }),
          },
          at,
        );
        await recordAudit(trx, {
          id: randomUUID(),
          at: at.toISOString(),
          actorId: null,
          action: 'password-reset.requested',
          subject: user.id,
        });
      });
      mail.queued();
    }
    return c.json({ ok: true, emailOn: mail !== null });
  });

  routes.post('/confirm', async (c) => {
    const body = await parseBody(c, PasswordResetConfirm);
    if (!body.ok) return body.response;
    const throttled = await options.linkAttempt(c);
    if (throttled) return throttled;
    const { token, password } = body.value;
    // A wrong link is refused before the costly hash, so guessing costs the server nothing.
    if (!(await usableReset(db, token, now()))) return sendError(c, 409, 'conflict', notUsable);
    const passwordHash = await hashPassword(password, options.cost);
    const at = now();
    const user = await db.transaction().execute(async (trx) => {
      const reset = await trx
        .selectFrom('password_resets')
        .selectAll()
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (!reset || reset.used_at !== null || Date.parse(reset.expires_at) <= at.getTime()) {
        return null;
      }
      // Claim the link in one statement: of two requests at once, only one changes the row.
      const claimed = await trx
        .updateTable('password_resets')
        .set({ used_at: at.toISOString() })
        .where('token_hash', '=', reset.token_hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return null;
      // Any other link this person was sent stops working too.
      await trx
        .updateTable('password_resets')
        .set({ used_at: at.toISOString() })
        .where('user_id', '=', reset.user_id)
        .where('used_at', 'is', null)
        .execute();
      const changed = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', reset.user_id)
        .returning(['id', 'email'])
        .executeTakeFirst();
      if (!changed) return null;
      const ended = await deleteSessionsOf(trx, changed.id);
      await recordAudit(trx, {
        id: randomUUID(),
        at: at.toISOString(),
        actorId: changed.id,
        action: 'password.reset',
        subject: changed.id,
        details: { sessionsEnded: ended },
      });
      return changed;
    });
    if (!user) return sendError(c, 409, 'conflict', notUsable);
    await options.linkWorked(c);
    await clearFailures(db, `account:${user.email}`);
    return c.json({ ok: true });
  });

  return routes;
}
