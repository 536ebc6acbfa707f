import { chunks } from '../db/chunks';
import type { Queryable } from '../db/queryable';

/** One line of the audit log: who did what to which subject, and when. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  subject: string;
  details?: unknown;
}

export async function recordAudit(db: Queryable, entry: AuditEntry) {
  await recordAudits(db, [entry]);
}

export async function recordAudits(db: Queryable, entries: readonly AuditEntry[]) {
  for (const part of chunks(entries, 500)) {
    await db
      .insertInto('audit_log')
      .values(
        part.map((entry) => ({
          id: entry.id,
          at: entry.at,
          actor_id: entry.actorId,
          action: entry.action,
          subject: entry.subject,
          details: entry.details === undefined ? null : JSON.stringify(entry.details),
        })),
      )
      .execute();
  }
}
