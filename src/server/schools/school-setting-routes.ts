import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import * as z from 'zod/mini';
import { recordAudit } from '../audit/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { isMember, roleOf } from '../sync/access/actor';
import { findSchool } from './repository';

const SchoolId = z.uuid();

/** One setting a school keeps, as `GET` and `PUT /api/schools/:id/<path>` serve it. */
export interface SchoolSetting<Update, Answer> {
  path: string;
  /** The 403 for someone who is neither the school's principal nor a district admin. */
  whoMayChange: string;
  update: z.ZodMiniType<Update>;
  read: (db: Kysely<Database>, schoolId: string) => Promise<Answer>;
  write: (
    trx: Transaction<Database>,
    schoolId: string,
    update: Update,
    userId: string,
    at: string,
  ) => Promise<void>;
  audit: { action: string; details: (update: Update) => Record<string, unknown> };
  /** What a change answers, from what was written. */
  changed: (schoolId: string, update: Update) => Answer;
}

/**
 * A school setting's routes: the school's staff (and district admins) read it; its
 * principal or a district admin changes it, in one transaction with its audit line.
 * An unknown school is a 404 for everyone; a bad body a 400 that changes nothing.
 */
export function schoolSettingRoutes<Update, Answer>(
  db: Kysely<Database>,
  now: () => Date,
  setting: SchoolSetting<Update, Answer>,
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());
  const school = async (id: string) =>
    SchoolId.safeParse(id).success && !!(await findSchool(db, id));

  routes.get(`/:id/${setting.path}`, async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('id');
    if (!(await school(id))) return sendError(c, 404, 'not_found', 'No such school');
    if (!auth.districtAdmin && !isMember(auth, id)) {
      return sendError(c, 403, 'forbidden', 'You are not on the staff of this school');
    }
    return c.json(await setting.read(db, id));
  });

  routes.put(`/:id/${setting.path}`, async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('id');
    if (!(await school(id))) return sendError(c, 404, 'not_found', 'No such school');
    if (!auth.districtAdmin && roleOf(auth, id) !== 'principal') {
      return sendError(c, 403, 'forbidden', setting.whoMayChange);
    }
    const body = await parseBody(c, setting.update);
    if (!body.ok) return body.response;
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      await setting.write(trx, id, body.value, auth.userId, at);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: setting.audit.action,
        subject: id,
        details: setting.audit.details(body.value),
      });
    });
    return c.json(setting.changed(id, body.value));
  });

  return routes;
}
