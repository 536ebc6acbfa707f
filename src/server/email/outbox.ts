import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { isPostgres } from '../db/dialect';
import type { Queryable } from '../db/queryable';
import type { EmailContent } from './templates';

/** A file sent with a message (a visit's .ics), kept as text until the message is sent. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingEmail extends EmailContent {
  id: string;
  to: string;
  attempts: number;
  attachment: EmailAttachment | null;
}

/**
 * Queues a message. Call it with the transaction that makes what the message is
 * about, so a rolled-back action sends nothing and a committed one loses nothing.
 */
export async function queueEmail(
  db: Queryable,
  message: EmailContent & { kind: string; to: string; attachment?: EmailAttachment | null },
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const at = now.toISOString();
  await db
    .insertInto('email_outbox')
    .values({
      id,
      kind: message.kind,
      to_address: message.to,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      created_at: at,
      attempts: 0,
      next_attempt_at: at,
      claimed_until: null,
      sent_at: null,
      failed_at: null,
      last_error: null,
      attachment_name: message.attachment?.filename ?? null,
      attachment_type: message.attachment?.contentType ?? null,
      attachment_text: message.attachment?.content ?? null,
    })
    .execute();
  return id;
}

/**
 * Claims up to `limit` due messages for `leaseMs` and counts the attempt, in one
 * statement. On PostgreSQL, `for update skip locked` lets two server processes
 * claim at once without ever taking the same row; SQLite has one writer at a time.
 */
export async function claimDue(
  db: Queryable,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<OutgoingEmail[]> {
  const at = now.toISOString();
  let due = db
    .selectFrom('email_outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
    .orderBy('next_attempt_at')
    .limit(limit);
  if (isPostgres(db)) due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('email_outbox')
    .set({
      claimed_until: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: sql<number>`attempts + 1`,
    })
    .where('id', 'in', due)
    .returning([
      'id',
      'to_address',
      'subject',
      'text_body',
      'html_body',
      'attempts',
      'attachment_name',
      'attachment_type',
      'attachment_text',
      'next_attempt_at',
      'created_at',
    ])
    .execute();
  // `update … returning` gives no order; send the oldest first so a booking's email goes before its cancellation's.
  rows.sort(
    (a, b) =>
      a.next_attempt_at.localeCompare(b.next_attempt_at) ||
      a.created_at.localeCompare(b.created_at),
  );
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body ?? '',
    html: r.html_body ?? '',
    attempts: Number(r.attempts),
    attachment:
      r.attachment_name && r.attachment_text !== null
        ? {
            filename: r.attachment_name,
            contentType: r.attachment_type ?? 'application/octet-stream',
            content: r.attachment_text,
          }
        : null,
  }));
}

/** Sent: the text, which may hold a single-use link, and the attachment are not kept. */
export async function markSent(db: Queryable, id: string, now: Date): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({
      sent_at: now.toISOString(),
      claimed_until: null,
      last_error: null,
      text_body: null,
      html_body: null,
      attachment_text: null,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * A failed attempt: tried again at `retryAt`, or given up when null. A given-up
 * message keeps its text so a district admin can send it again ("retry now" on the
 * outbox screen); any link in it expires on its own (invites in 14 days, resets in 1 hour).
 */
export async function markFailed(
  db: Queryable,
  id: string,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  const lastError = error.slice(0, 1000);
  await db
    .updateTable('email_outbox')
    .set(
      retryAt
        ? { last_error: lastError, claimed_until: null, next_attempt_at: retryAt.toISOString() }
        : { last_error: lastError, claimed_until: null, failed_at: now.toISOString() },
    )
    .where('id', '=', id)
    .execute();
}

/** Given to the routes that queue email when `SMTP_URL` is set; null when email is off. */
export interface EmailLinks {
  /** Where people open the app, without a trailing slash. */
  publicUrl: string;
  /** Called after a transaction that queued a message committed: the worker looks at once. */
  queued: () => void;
}
