import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { OutboxQuery, type OutboxEntry, type OutboxList } from '../../shared/answers/outbox';
import { issuesToFields } from '../../shared/errors';
import { recordAudit } from '../audit/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { sendError } from '../http/errors';
import type { EmailLinks } from './outbox';
import { listOutbox, retryNow, type OutboxEntryRow } from './repository';

const PAGE = 200;

function entryOf(row: OutboxEntryRow): OutboxEntry {
  const status = row.sent_at
    ? 'sent'
    : row.failed_at
      ? 'failed'
      : row.last_error
        ? 'retrying'
        : 'queued';
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    nextAttemptAt: status === 'queued' || status === 'retrying' ? row.next_attempt_at : null,
    sentAt: row.sent_at,
    failedAt: row.failed_at,
    retryable: (status === 'failed' || status === 'retrying') && row.has_text,
  };
}

/**
 * The email outbox for district admins: the newest messages with their status, and
 * "retry now" for one that failed. The text of a message is never answered.
 */
export function emailAdminRoutes(
  db: Kysely<Database>,
  now: () => Date,
  mail: EmailLinks | null,
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());
  routes.use('*', async (c, next) => {
    if (!c.get('auth')!.districtAdmin) {
      return sendError(c, 403, 'forbidden', 'Only district admins see the email outbox');
    }
    await next();
  });

  routes.get('/', async (c) => {
    const query = OutboxQuery.safeParse(c.req.query());
    if (!query.success) {
      return sendError(
        c,
        400,
        'invalid_request',
        'The filter needs attention',
        issuesToFields(query.error),
      );
    }
    const rows = await listOutbox(db, { status: query.data.status, limit: PAGE });
    const body: OutboxList = { emailOn: mail !== null, entries: rows.map(entryOf) };
    return c.json(body);
  });

  routes.post('/:id/retry', async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('id');
    const at = now();
    const retried = await db.transaction().execute(async (trx) => {
      if (!(await retryNow(trx, id, at))) return null;
      await recordAudit(trx, {
        id: randomUUID(),
        at: at.toISOString(),
        actorId: auth.userId,
        action: 'email.retried',
        subject: id,
      });
      return (await listOutbox(trx, { id, limit: 1 }))[0] ?? null;
    });
    if (!retried) {
      const [row] = await listOutbox(db, { id, limit: 1 });
      if (!row) return sendError(c, 404, 'not_found', 'No such email in the outbox');
      return sendError(
        c,
        409,
        'conflict',
        row.sent_at
          ? 'This email was sent already'
          : 'This email is being sent right now, or its text is no longer kept',
      );
    }
    mail?.queued();
    return c.json({ entry: entryOf(retried) });
  });

  return routes;
}
