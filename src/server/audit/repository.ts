import { chunks } from '../db/chunks';
import type { AuditEntry as AuditLine, AuditQuery } from '../../shared/audit-log';
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

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  /** The first and last UTC day, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

export const auditFilterOf = (q: AuditQuery): AuditFilter => ({
  actorId: q.actorId,
  action: q.action,
  from: q.from,
  to: q.to,
});

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

function filtered(db: Queryable, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users as actor', 'actor.id', 'audit_log.actor_id')
    .leftJoin('users as about', 'about.id', 'audit_log.subject')
    .leftJoin('schools as place', 'place.id', 'audit_log.subject');
  if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.from) query = query.where('audit_log.at', '>=', `${filter.from}T00:00:00.000Z`);
  if (filter.to) query = query.where('audit_log.at', '<', nextDay(filter.to));
  return query;
}

export async function countAudit(db: Queryable, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Entries matching the filter, newest first. */
export async function listAudit(
  db: Queryable,
  filter: AuditFilter,
  window: { offset: number; limit: number },
): Promise<AuditLine[]> {
  const rows = await filtered(db, filter)
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'audit_log.action',
      'audit_log.subject',
      'audit_log.details',
      'actor.name as actor_name',
      'about.name as subject_name',
      'place.name as school_name',
    ])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    subject: r.subject,
    subjectName: r.subject_name ?? r.school_name,
    details: r.details,
  }));
}

/** Everyone who has done something the log holds, by name. */
export async function auditActors(db: Queryable) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      db
        .selectFrom('audit_log')
        .select('actor_id')
        .where('actor_id', 'is not', null)
        .$narrowType<{ actor_id: string }>(),
    )
    .orderBy('name')
    .execute();
}
