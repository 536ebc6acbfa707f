import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import { PhotoSetting, type SchoolPhotoSetting } from '../../shared/photos';
import { findSchool } from '../schools/repository';
import { recordAudit } from '../audit/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { isMember, roleOf } from '../sync/access/actor';
import { photosAllowedIn, setPhotosAllowed } from './repository';

const SchoolId = z.uuid();

/**
 * A school's "photos allowed" setting (on unless turned off). Its staff read it;
 * its principal or a district admin changes it, as they decide about sharing results.
 * Mounted under `/api/schools`.
 */
export function photoSettingRoutes(db: Kysely<Database>, now: () => Date): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());

  const school = async (id: string) =>
    SchoolId.safeParse(id).success && !!(await findSchool(db, id));

  routes.get('/:id/photos', async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('id');
    if (!(await school(id))) return sendError(c, 404, 'not_found', 'No such school');
    if (!auth.districtAdmin && !isMember(auth, id)) {
      return sendError(c, 403, 'forbidden', 'You are not on the staff of this school');
    }
    return c.json({
      schoolId: id,
      photosAllowed: await photosAllowedIn(db, id),
    } satisfies SchoolPhotoSetting);
  });

  routes.put('/:id/photos', async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('id');
    if (!(await school(id))) return sendError(c, 404, 'not_found', 'No such school');
    if (!auth.districtAdmin && roleOf(auth, id) !== 'principal') {
      return sendError(
        c,
        403,
        'forbidden',
        'Only the principal or a district admin turns photos on or off',
      );
    }
    const body = await parseBody(c, PhotoSetting);
    if (!body.ok) return body.response;
    const at = now().toISOString();
    const { photosAllowed } = body.value;
    await db.transaction().execute(async (trx) => {
      await setPhotosAllowed(trx, id, photosAllowed, auth.userId, at);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'photos.setting',
        subject: id,
        details: { photosAllowed },
      });
    });
    return c.json({ schoolId: id, photosAllowed } satisfies SchoolPhotoSetting);
  });

  return routes;
}
