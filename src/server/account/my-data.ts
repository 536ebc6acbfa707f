import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { requireSignIn, type AuthEnv, type Signedin } from '../auth/session';
import type { Database } from '../db/schema';
import { photosSentBy } from '../photos/repository';
import type { PhotoStore } from '../photos/store';
import { myDataZip, photoFileName } from './my-data-zip';

/**
 * "Everything the system holds about me", as one JSON file: the account, roles,
 * sessions (when, never their secrets), every record the user owns with its
 * history of mutations, the audit entries that name them, and the photos they
 * sent (described here; `/export.zip` holds this file and the photos themselves).
 */
export function myDataRoutes(
  db: Kysely<Database>,
  now: () => Date,
  photoStore: PhotoStore,
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());
  routes.get('/export', async (c) => {
    c.header('Content-Disposition', 'attachment; filename="lookfor-my-data.json"');
    return c.json(await myDataOf(db, c.get('auth')!, now));
  });
  routes.get('/export.zip', async (c) => {
    const auth = c.get('auth')!;
    const data = await myDataOf(db, auth, now);
    return c.body(myDataZip(db, photoStore, data), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': 'attachment; filename="lookfor-my-data.zip"',
    });
  });
  return routes;
}

export type MyData = Awaited<ReturnType<typeof myDataOf>>;

async function myDataOf(db: Kysely<Database>, auth: Signedin, now: () => Date) {
  const [user, sessions, records, audit, photos] = await Promise.all([
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
    photosSentBy(db, auth.userId),
  ]);
  return {
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
    photos: photos.map((p) => ({
      hash: p.hash,
      type: p.type,
      bytes: p.bytes,
      width: p.width,
      height: p.height,
      sentAt: p.createdAt,
      file: photoFileName(p.hash, p.type),
    })),
  };
}
