import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import { NudgeListUpdate, type SchoolNudges } from '../../shared/answers/nudges';
import { recordAudit } from '../audit/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { findSchool } from '../schools/repository';
import { isMember, roleOf } from '../sync/access/actor';
import { nudgesOf, setNudges } from './repository';

const SchoolId = z.uuid();

/**
 * A school's list of judgement words for the note nudges. Its staff read it (their
 * devices keep a copy for offline use); its principal or a district admin edits it,
 * as they decide the school's other settings. Mounted under `/api/schools`.
 */
export function nudgeRoutes(db: Kysely<Database>, now: () => Date): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());

  const school = async (id: string) =>
    SchoolId.safeParse(id).success && !!(await findSchool(db, id));

  routes.get('/:id/nudges', async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('id');
    if (!(await school(id))) return sendError(c, 404, 'not_found', 'No such school');
    if (!auth.districtAdmin && !isMember(auth, id)) {
      return sendError(c, 403, 'forbidden', 'You are not on the staff of this school');
    }
    return c.json({ schoolId: id, ...(await nudgesOf(db, id)) } satisfies SchoolNudges);
  });

  routes.put('/:id/nudges', async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('id');
    if (!(await school(id))) return sendError(c, 404, 'not_found', 'No such school');
    if (!auth.districtAdmin && roleOf(auth, id) !== 'principal') {
      return sendError(
        c,
        403,
        'forbidden',
        'Only the principal or a district admin edits the school’s judgement words',
      );
    }
    const body = await parseBody(c, NudgeListUpdate);
    if (!body.ok) return body.response;
    const at = now().toISOString();
    const { words } = body.value;
    await db.transaction().execute(async (trx) => {
      await setNudges(trx, id, words, auth.userId, at);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'nudges.updated',
        subject: id,
        details: { words: words.length },
      });
    });
    return c.json({ schoolId: id, words, custom: true } satisfies SchoolNudges);
  });

  return routes;
}
