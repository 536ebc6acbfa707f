import type { Queryable } from '../db/queryable';
import { findSchool } from '../schools/repository';
import { resultsSharedEmail } from './notice-templates';
import { queueEmail, type EmailLinks } from './outbox';
import { recipientsByIds, schoolMembersWithRole } from './repository';

/**
 * A school's results were just shared with staff: each of its teachers (the ones who
 * could not read them before; coaches and principals always can) gets one email,
 * queued in the transaction that changed the setting. Returns how many were queued.
 */
export async function queueResultsShared(
  db: Queryable,
  share: { schoolId: string; byId: string },
  mail: EmailLinks,
  now: Date,
): Promise<number> {
  const school = await findSchool(db, share.schoolId);
  if (!school) return 0;
  const by = (await recipientsByIds(db, [share.byId])).get(share.byId);
  const content = resultsSharedEmail(
    { schoolName: school.name, byName: by?.name ?? 'Your principal' },
    mail.publicUrl,
  );
  const teachers = await schoolMembersWithRole(db, share.schoolId, 'teacher');
  let queued = 0;
  for (const teacher of teachers) {
    if (teacher.id === share.byId) continue;
    await queueEmail(db, { kind: 'results-shared', to: teacher.email, ...content }, now);
    queued += 1;
  }
  return queued;
}
