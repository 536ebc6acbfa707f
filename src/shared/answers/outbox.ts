import * as z from 'zod/mini';

/**
 * The email outbox as district admins see it: the envelope of every message, never
 * its text (erased once sent). `retrying`: not sent yet, the last attempt failed.
 */
export const OutboxStatus = z.enum(['queued', 'retrying', 'sent', 'failed']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const OutboxEntry = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: OutboxStatus,
  attempts: z.number(),
  lastError: z.nullable(z.string()),
  createdAt: z.string(),
  /** When the worker tries next; null once sent or given up. */
  nextAttemptAt: z.nullable(z.string()),
  sentAt: z.nullable(z.string()),
  failedAt: z.nullable(z.string()),
  /** Not sent, and its text is still kept: "retry now" can send it. */
  retryable: z.boolean(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** `GET /api/admin/emails` */
export const OutboxList = z.object({
  /** Whether the server sends email at all (`SMTP_URL` set). */
  emailOn: z.boolean(),
  entries: z.array(OutboxEntry),
});
export type OutboxList = z.infer<typeof OutboxList>;

/** `GET /api/admin/emails?status=…`: one status, or every message. */
export const OutboxQuery = z.object({
  status: z.optional(
    z.enum(['queued', 'sent', 'failed'], { error: 'status is queued, sent or failed' }),
  ),
});

/** `POST /api/admin/emails/:id/retry` */
export const OutboxRetried = z.object({ entry: OutboxEntry });
