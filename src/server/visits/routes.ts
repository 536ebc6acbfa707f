import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { coachesOf } from './repository';

/**
 * The coaches a teacher may invite: the coaches of the caller's own schools, by
 * name. Nobody learns the staff of a school they do not work in.
 */
export function visitRoutes(db: Kysely<Database>): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());
  routes.get('/coaches', async (c) => {
    const schoolIds = c.get('auth')!.memberships.map((m) => m.schoolId);
    return c.json({ coaches: await coachesOf(db, schoolIds) });
  });
  return routes;
}
