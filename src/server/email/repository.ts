import type { Queryable } from '../db/queryable';

export interface Recipient {
  id: string;
  name: string;
  email: string;
}

/** The addresses of these people; a deactivated person gets no email. */
export async function recipientsByIds(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, Recipient>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', 'in', [...new Set(ids)])
    .where('deactivated_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The active members of a school with one role (its principals, its teachers). */
export async function schoolMembersWithRole(
  db: Queryable,
  schoolId: string,
  role: 'principal' | 'coach' | 'teacher',
): Promise<Recipient[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('memberships.school_id', '=', schoolId)
    .where('memberships.role', '=', role)
    .where('users.deactivated_at', 'is', null)
    .orderBy('users.name')
    .execute();
}

/** One outbox row as the admin screen shows it: the envelope, never the text. */
export interface OutboxEntryRow {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
  /** Whether the text is still kept (never the text itself). */
  has_text: boolean;
}

/** The newest messages first, at most `limit`, optionally of one status. */
export async function listOutbox(
  db: Queryable,
  filter: { status?: 'queued' | 'sent' | 'failed' | undefined; id?: string; limit: number },
): Promise<OutboxEntryRow[]> {
  let query = db
    .selectFrom('email_outbox')
    .select((eb) => [
      eb('text_body', 'is not', null).as('has_text'),
      'id',
      'kind',
      'to_address',
      'subject',
      'created_at',
      'attempts',
      'next_attempt_at',
      'sent_at',
      'failed_at',
      'last_error',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit);
  if (filter.status === 'sent') query = query.where('sent_at', 'is not', null);
  if (filter.status === 'failed') query = query.where('failed_at', 'is not', null);
  if (filter.status === 'queued') {
    query = query.where('sent_at', 'is', null).where('failed_at', 'is', null);
  }
  if (filter.id) query = query.where('id', '=', filter.id);
  const rows = await query.execute();
  // SQLite answers 0/1, PostgreSQL a boolean.
  return rows.map((r) => ({
    ...r,
    attempts: Number(r.attempts),
    has_text: Boolean(Number(r.has_text)),
  }));
}

/**
 * Makes an unsent message due now with a fresh set of attempts: a given-up one
 * (which kept its text for this) or one waiting for its next try. Returns false
 * when there is no such message (unknown, already sent, or being sent right now).
 */
export async function retryNow(db: Queryable, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('email_outbox')
    .set({ failed_at: null, attempts: 0, next_attempt_at: now.toISOString(), claimed_until: null })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('text_body', 'is not', null)
    // A message a worker is sending right now is left to it: never sent twice.
    .where((eb) =>
      eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now.toISOString())]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
