import type { Queryable } from '../db/queryable';

export interface SsoAttempt {
  idHash: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  createdAt: string;
  expiresAt: string;
}

export async function insertSsoAttempt(db: Queryable, attempt: SsoAttempt) {
  await db
    .insertInto('sso_attempts')
    .values({
      id_hash: attempt.idHash,
      state: attempt.state,
      nonce: attempt.nonce,
      code_verifier: attempt.codeVerifier,
      created_at: attempt.createdAt,
      expires_at: attempt.expiresAt,
    })
    .execute();
}

/** Takes an attempt out (it works once), with any that ran out meanwhile; null when absent. */
export async function takeSsoAttempt(db: Queryable, idHash: string, now: string) {
  const row = await db
    .selectFrom('sso_attempts')
    .selectAll()
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  await db
    .deleteFrom('sso_attempts')
    .where((eb) => eb.or([eb('id_hash', '=', idHash), eb('expires_at', '<', now)]))
    .execute();
  if (!row || row.expires_at < now) return null;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
}

/** An invite for this address that can still be accepted, newest first. */
export async function openInviteFor(db: Queryable, email: string, now: string) {
  return db
    .selectFrom('invites')
    .selectAll()
    .where('email', '=', email)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Claims an invite in one statement: of two requests at once, only one changes the row. */
export async function claimInvite(db: Queryable, tokenHash: string, userId: string, at: string) {
  const claimed = await db
    .updateTable('invites')
    .set({ used_at: at, used_by: userId })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}
