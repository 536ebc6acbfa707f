import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { findUserById } from '../auth/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { sendError } from '../http/errors';
import type { PhotoStore } from '../photos/store';
import { erasePerson } from './erase';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `POST /api/staff/:userId/erase`: a district admin deletes a person's data on request. */
export function eraseRoutes(
  db: Kysely<Database>,
  options: { now: () => Date; store: PhotoStore },
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.post('/:userId/erase', requireSignIn(), async (c) => {
    const auth = c.get('auth')!;
    if (!auth.districtAdmin) {
      return sendError(c, 403, 'forbidden', "Only district admins delete a person's data");
    }
    const userId = c.req.param('userId');
    if (!uuidPattern.test(userId)) {
      return sendError(c, 400, 'invalid_request', 'This person id is not valid');
    }
    if (userId === auth.userId) {
      return sendError(
        c,
        409,
        'conflict',
        'You cannot delete your own data here: ask another district admin',
      );
    }
    if (!(await findUserById(db, userId))) return sendError(c, 404, 'not_found', 'No such person');
    const counts = await erasePerson(db, options.store, {
      userId,
      by: auth.userId,
      at: options.now().toISOString(),
    });
    return c.json(counts);
  });
  return routes;
}
