import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';

/**
 * The coaches a teacher may invite: the coaches of the caller's own schools, by
 * name. Nobody learns the staff of a school they do not work in.
 */
export function visitRoutes(db: Kysely<Database>): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());
  routes.get('/coaches', async (c) => {
    const schoolIds = c.get('auth')!.memberships.map((m) => m.schoolId);
    if (schoolIds.length === 0) return c.json({ coaches: [] });
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.school_id', 'users.id', 'users.name'])
      .where('memberships.role', '=', 'coach')
      .where('memberships.school_id', 'in', schoolIds)
      .orderBy('users.name')
      .execute();
    return c.json({
      coaches: rows.map((r) => ({ schoolId: r.school_id, id: r.id, name: r.name })),
    });
  });
  return routes;
}
