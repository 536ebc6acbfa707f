import type { StaffMember } from '../../shared/staff';
import { SchoolRole } from '../../shared/accounts';
import { sql } from 'kysely';
import type { Queryable } from '../db/queryable';

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

export async function insertSchool(db: Queryable, id: string, name: string, createdAt: string) {
  await db.insertInto('schools').values({ id, name, created_at: createdAt }).execute();
}

/** School names are compared without regard to case. */
export async function findSchoolByName(db: Queryable, name: string) {
  return db
    .selectFrom('schools')
    .selectAll()
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function findSchool(db: Queryable, id: string) {
  return db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSchools(db: Queryable) {
  return db.selectFrom('schools').select(['id', 'name']).orderBy('name').execute();
}
