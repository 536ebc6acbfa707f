import { roleOf, type Actor } from '../sync/access/actor';
import type { Queryable } from '../db/queryable';

/** Whether a school shares its results with its teachers (no row: yes, the default). */
export async function sharesWithStaff(db: Queryable, schoolId: string): Promise<boolean> {
  const row = await db
    .selectFrom('school_result_settings')
    .select('share_with_staff')
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return row ? Number(row.share_with_staff) === 1 : true;
}

export async function setSharing(
  db: Queryable,
  schoolId: string,
  share: boolean,
  by: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('school_result_settings')
    .values({
      school_id: schoolId,
      share_with_staff: share ? 1 : 0,
      updated_at: at,
      updated_by: by,
    })
    .onConflict((oc) =>
      oc
        .column('school_id')
        .doUpdateSet({ share_with_staff: share ? 1 : 0, updated_at: at, updated_by: by }),
    )
    .execute();
}

/**
 * Who sees a school's aggregates: its coaches and principals, every district
 * admin, and its teachers while the school shares results with staff. Nobody else.
 */
export async function maySeeResults(
  db: Queryable,
  actor: Actor,
  schoolId: string,
): Promise<boolean> {
  if (actor.districtAdmin) return true;
  const role = roleOf(actor, schoolId);
  if (role === 'coach' || role === 'principal') return true;
  if (role === 'teacher') return sharesWithStaff(db, schoolId);
  return false;
}

/** The principal of the school, or a district admin, decides about sharing. */
export const mayChangeSharing = (actor: Actor, schoolId: string) =>
  actor.districtAdmin || roleOf(actor, schoolId) === 'principal';
