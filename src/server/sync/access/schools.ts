import { findSchool } from '../../auth/repository';
import type { Queryable } from '../repository';

export async function schoolExists(db: Queryable, id: string): Promise<boolean> {
  return (await findSchool(db, id)) !== undefined;
}

/** Ids among `userIds` that are not on the staff of the school. */
export async function notOnStaff(
  db: Queryable,
  schoolId: string,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('school_id', '=', schoolId)
    .where('user_id', 'in', [...userIds])
    .execute();
  const staff = new Set(rows.map((r) => r.user_id));
  return userIds.filter((id) => !staff.has(id));
}

/** The role a user holds in a school, or null when they are not on its staff. */
export async function roleInSchool(
  db: Queryable,
  schoolId: string,
  userId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('school_id', '=', schoolId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}
