import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';

/**
 * "Everything the system holds about me", as one JSON file: the account, roles,
 * sessions (when, never their secrets), every record the user owns with its
 * history of mutations, and the audit entries that name them.
 */
export function myDataRoutes(db: Kysely<Database>, now: () => Date): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());
  routes.get('/export', async (c) => {
    const auth = c.get('auth')!;
    const [user, sessions, records, audit] = await Promise.all([
      db
        .selectFrom('users')
        .select(['id', 'email', 'name', 'district_admin', 'created_at'])
        .where('id', '=', auth.userId)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('sessions')
        .select(['created_at', 'last_seen_at', 'expires_at'])
        .where('user_id', '=', auth.userId)
        .execute(),
      db
        .selectFrom('records')
        .select(['entity', 'entity_id', 'rev', 'deleted', 'data', 'updated_at'])
        .where('owner_id', '=', auth.userId)
        .orderBy('server_seq')
        .execute(),
      db
        .selectFrom('audit_log')
        .select(['at', 'action', 'subject', 'details'])
        .where((eb) => eb.or([eb('actor_id', '=', auth.userId), eb('subject', '=', auth.userId)]))
        .orderBy('at')
        .execute(),
    ]);
    c.header('Content-Disposition', 'attachment; filename="lookfor-my-data.json"');
    return c.json({
      format: 'lookfor-my-data',
      exportedAt: now().toISOString(),
      account: {
        id: user.id,
        email: user.email,
        name: user.name,
        districtAdmin: Number(user.district_admin) === 1,
        createdAt: user.created_at,
      },
      memberships: auth.memberships,
      sessions,
      records: records.map((r) => ({
        entity: r.entity,
        id: r.entity_id,
        rev: Number(r.rev),
        deleted: Number(r.deleted) === 1,
        updatedAt: r.updated_at,
        data: r.data === null ? null : (JSON.parse(r.data) as unknown),
      })),
      audit: audit.map((a) => ({
        ...a,
        details: a.details === null ? null : (JSON.parse(a.details) as unknown),
      })),
    });
  });
  return routes;
}
