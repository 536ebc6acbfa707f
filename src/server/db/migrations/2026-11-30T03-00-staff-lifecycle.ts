import type { Kysely } from 'kysely';

/**
 * Staff lifecycle: a deactivated person keeps their account, notes and memberships
 * (so aggregates still count them) but can no longer sign in; the directory shows
 * when each person last signed in; a revoked invite stays listed in the audit log
 * but can no longer be accepted. The audit log is read by date, newest first.
 * `district_settings` holds district-wide switches (password sign-in on or off);
 * `sso_attempts` holds, for ten minutes, the state, nonce and PKCE verifier of a
 * single sign-on begun in a browser, found by the hash of a cookie.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('deactivated_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('last_sign_in_at', 'text').execute();
  await db.schema.alterTable('invites').addColumn('revoked_at', 'text').execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema
    .createTable('district_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('sso_attempts')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sso_attempts').execute();
  await db.schema.dropTable('district_settings').execute();
  await db.schema.dropIndex('audit_log_at_idx').execute();
  await db.schema.alterTable('invites').dropColumn('revoked_at').execute();
  await db.schema.alterTable('users').dropColumn('last_sign_in_at').execute();
  await db.schema.alterTable('users').dropColumn('deactivated_at').execute();
}
