import type { Queryable } from '../db/queryable';

/** The one-time links: the first-run set-up link and invites, looked up by token hash. */

export async function findSetupToken(db: Queryable, tokenHash: string) {
  return db
    .selectFrom('setup_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the set-up link used in one statement: of two requests at once, only one changes the row. */
export async function claimSetupToken(db: Queryable, tokenHash: string, at: string) {
  const claimed = await db
    .updateTable('setup_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export interface InviteRow {
  tokenHash: string;
  schoolId: string | null;
  role: string;
  name: string | null;
  email: string | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

export async function insertInvite(db: Queryable, invite: InviteRow): Promise<void> {
  await db
    .insertInto('invites')
    .values({
      token_hash: invite.tokenHash,
      school_id: invite.schoolId,
      role: invite.role,
      name: invite.name,
      email: invite.email,
      created_by: invite.createdBy,
      created_at: invite.createdAt,
      expires_at: invite.expiresAt,
      used_at: null,
      used_by: null,
    })
    .execute();
}

export async function findInvite(db: Queryable, tokenHash: string) {
  return db
    .selectFrom('invites')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the invite used by `userId` in one statement; false when another request was first. */
export async function claimInvite(db: Queryable, tokenHash: string, at: string, userId: string) {
  const claimed = await db
    .updateTable('invites')
    .set({ used_at: at, used_by: userId })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}
