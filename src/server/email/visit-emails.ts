import { visitCalendarFile } from '../../shared/visit-calendar';
import { Visit } from '../../shared/visits';
import type { Queryable } from '../db/queryable';
import type { AppliedWrite } from '../sync/access/policy';
import type { AfterWriteHook } from '../sync/write-hooks';
import { coverRequestedEmail, visitBookedEmail, visitCancelledEmail } from './notice-templates';
import { queueEmail, type EmailAttachment, type EmailLinks } from './outbox';
import { recipientsByIds, schoolMembersWithRole } from './repository';
import type { EmailContent } from './templates';

/** One email a visit write causes, before its recipients' addresses are looked up. */
export type VisitNotice =
  | { kind: 'visit-booked'; visit: Visit }
  | {
      kind: 'visit-cancelled';
      visit: Visit;
      to: string;
      by: { name: string; role: 'observer' | 'host' };
    }
  | { kind: 'cover-requested'; visit: Visit; actorId: string };

const stored = (data: unknown): Visit | null => {
  const parsed = Visit.safeParse(data);
  return parsed.success ? parsed.data : null;
};

/**
 * What one kept write of a peer visit tells people, from the visit before and after
 * it: a booking (to the host), a booking cancelled by either side (to the other), a
 * cover request (to the principals). Only changes count, so the same visit written
 * again, or a mutation replayed, tells nobody anything twice.
 */
export function visitNotices(write: AppliedWrite<Visit>): VisitNotice[] {
  const before = stored(write.previous);
  const after = write.deleted ? null : write.data;
  const visit = after ?? before;
  if (!visit || visit.kind !== 'peer') return [];
  const wasBooked = !!before && before.observerId !== null && !before.cancelled;
  const isBooked = !!after && after.observerId !== null && !after.cancelled;
  const notices: VisitNotice[] = [];
  if (wasBooked && !isBooked) {
    const ended = { ...before, cancelled: true };
    if (!after || after.cancelled) {
      notices.push({
        kind: 'visit-cancelled',
        visit: ended,
        to: before.observerId!,
        by: { name: before.hostName, role: 'host' },
      });
    } else {
      notices.push({
        kind: 'visit-cancelled',
        visit: ended,
        to: before.hostId,
        by: { name: before.observerName ?? 'The observer', role: 'observer' },
      });
    }
  }
  if (isBooked && !wasBooked) notices.push({ kind: 'visit-booked', visit: after });
  const coverBefore = wasBooked && before.needsCoverage;
  if (isBooked && after.needsCoverage && !coverBefore) {
    notices.push({ kind: 'cover-requested', visit: after, actorId: write.actor.userId });
  }
  return notices;
}

const calendarAttachment = (visit: Visit): EmailAttachment => {
  const file = visitCalendarFile(visit);
  return { filename: file.name, contentType: 'text/calendar; charset=utf-8', content: file.text };
};

/** Queues the notices' emails in the push's transaction; nobody without an active account is written to. */
async function queueNotices(
  db: Queryable,
  notices: readonly VisitNotice[],
  mail: EmailLinks,
  now: Date,
): Promise<void> {
  const people = await recipientsByIds(
    db,
    notices.flatMap((n) =>
      n.kind === 'visit-booked' ? [n.visit.hostId] : n.kind === 'visit-cancelled' ? [n.to] : [],
    ),
  );
  const send = async (
    to: string | undefined,
    kind: string,
    content: EmailContent,
    attachment: EmailAttachment | null,
  ) => {
    if (to) await queueEmail(db, { kind, to, ...content, attachment }, now);
  };
  for (const n of notices) {
    if (n.kind === 'visit-booked') {
      const content = visitBookedEmail(n.visit, mail.publicUrl);
      await send(people.get(n.visit.hostId)?.email, n.kind, content, calendarAttachment(n.visit));
    } else if (n.kind === 'visit-cancelled') {
      const content = visitCancelledEmail(n.visit, n.by, mail.publicUrl);
      await send(people.get(n.to)?.email, n.kind, content, calendarAttachment(n.visit));
    } else {
      const principals = await schoolMembersWithRole(db, n.visit.schoolId, 'principal');
      const content = coverRequestedEmail(n.visit, mail.publicUrl);
      for (const p of principals)
        if (p.id !== n.actorId) await send(p.email, n.kind, content, null);
    }
  }
}

/**
 * The visit emails, staged with each kept visit write and queued in the push's own
 * transaction: a refused or rolled-back write sends nothing. Registered in
 * `src/server/app.ts` when email is on, so sync imports no email code. The worker
 * picks them up on its next look (every few seconds).
 */
export function visitEmailHook(mail: EmailLinks, now: () => Date): AfterWriteHook<'visit'> {
  return {
    entity: 'visit',
    begin() {
      const kept: VisitNotice[] = [];
      return {
        async stage(_reads, write) {
          const notices = visitNotices(write);
          return notices.length > 0 ? () => kept.push(...notices) : null;
        },
        flush: (db) => queueNotices(db, kept, mail, now()),
      };
    },
  };
}
