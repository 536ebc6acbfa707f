import { ERASED_NAME } from '../../shared/erased-names';
import type { Queryable } from '../db/queryable';

/**
 * Ends every way in for this person and removes their personal details: sessions,
 * remembered devices, reset links and school roles go; the account row stays (audit
 * lines and kept round observations point at its id) with no name, email or password.
 * Returns how many sessions ended.
 */
export async function erasePersonDetails(
  db: Queryable,
  userId: string,
  at: string,
): Promise<number> {
  const sessions = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  await db.deleteFrom('trusted_devices').where('user_id', '=', userId).execute();
  await db.deleteFrom('password_resets').where('user_id', '=', userId).execute();
  await db.deleteFrom('memberships').where('user_id', '=', userId).execute();
  await db
    .updateTable('users')
    .set({
      name: ERASED_NAME,
      // Unique like any address, reachable by no one (.invalid is reserved, RFC 2606).
      email: `erased-${userId}@erased.invalid`,
      password_hash: '',
      district_admin: 0,
      deactivated_at: at,
      last_sign_in_at: null,
    })
    .where('id', '=', userId)
    .execute();
  return Number(sessions.numDeletedRows);
}
