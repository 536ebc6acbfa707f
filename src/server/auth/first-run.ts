import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { countUsers } from './repository';
import { hashToken, newToken } from './tokens';

/**
 * On an empty database, makes a one-time set-up link for the first district admin.
 * Each start replaces the previous unused link; once an account exists, none is made.
 */
export async function setupTokenIfEmpty(db: Kysely<Database>, now: Date): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('setup_tokens').where('used_at', 'is', null).execute();
    await trx
      .insertInto('setup_tokens')
      .values({ token_hash: hashToken(token), created_at: now.toISOString(), used_at: null })
      .execute();
  });
  return token;
}
