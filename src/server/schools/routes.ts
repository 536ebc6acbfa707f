import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import { roleIn } from '../auth/permissions';
import { findSchool } from '../schools/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { sendError } from '../http/errors';
import { listStaff } from './repository';

const SchoolId = z.uuid();

/** What a school's leaders need to plan its work: for now, who is on its staff. */
export function schoolRoutes(db: Kysely<Database>, now: () => Date): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());

  routes.get('/:id/staff', async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('id');
    if (!SchoolId.safeParse(id).success || !(await findSchool(db, id))) {
      return sendError(c, 404, 'not_found', 'No such school');
    }
    const role = roleIn(auth, id);
    if (!auth.districtAdmin && role !== 'coach' && role !== 'principal') {
      return sendError(
        c,
        403,
        'forbidden',
        "Only this school's coaches and principals see its staff",
      );
    }
    return c.json({ schoolId: id, staff: await listStaff(db, id), fetchedAt: now().toISOString() });
  });
  return routes;
}
