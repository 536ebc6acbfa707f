import { sql, type Expression, type SqlBool } from 'kysely';
import { schoolIdsOf, type Actor } from './actor';

/**
 * The rows of `records` or `conflicts` a user may read: their own, those naming
 * them as reader, those for everyone, and those of their schools (every school for
 * a district admin). Applied in SQL to every pulled row; both tables share the
 * placement columns.
 */
export function readableBy(viewer: Actor): Expression<SqlBool> {
  const conditions = [
    sql`audience = 'all'`,
    sql`owner_id = ${viewer.userId}`,
    sql`reader_id = ${viewer.userId}`,
  ];
  const schoolIds = schoolIdsOf(viewer);
  if (viewer.districtAdmin) conditions.push(sql`audience = 'school'`);
  else if (schoolIds.length > 0) {
    conditions.push(sql`(audience = 'school' and school_id in (${sql.join(schoolIds)}))`);
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}
