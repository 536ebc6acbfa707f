import type { Queryable } from '../db/queryable';

export interface CoachOfSchool {
  schoolId: string;
  id: string;
  name: string;
}

/** The coaches of these schools, by name. */
export async function coachesOf(
  db: Queryable,
  schoolIds: readonly string[],
): Promise<CoachOfSchool[]> {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.school_id', 'users.id', 'users.name'])
    .where('memberships.role', '=', 'coach')
    .where('memberships.school_id', 'in', [...schoolIds])
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({ schoolId: r.school_id, id: r.id, name: r.name }));
}
