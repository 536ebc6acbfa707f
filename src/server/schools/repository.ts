import type { StaffMember } from '../../shared/staff';
import { SchoolRole } from '../../shared/accounts';
import type { Queryable } from '../sync/repository';

/** A school's staff by name: user id, name and role only. */
export async function listStaff(db: Queryable, schoolId: string): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as userId', 'users.name as name', 'memberships.role as role'])
    .where('memberships.school_id', '=', schoolId)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows.flatMap((row) => {
    const role = SchoolRole.safeParse(row.role);
    return role.success ? [{ userId: row.userId, name: row.name, role: role.data }] : [];
  });
}
