import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * The observations a dashboard figure covers, already narrowed to schools the
 * viewer may see. `schoolIds` null means every school (district admins only).
 */
export interface FactScope {
  protocolId: string;
  schoolIds: string[] | null;
  roundId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  gradeBand?: string | undefined;
  subject?: string | undefined;
}

/** The WHERE clause of a scope, for either fact table (they share these columns). */
export function inScope(scope: FactScope): Expression<SqlBool> {
  const and = [sql`protocol_id = ${scope.protocolId}`];
  if (scope.schoolIds) {
    and.push(
      scope.schoolIds.length === 0 ? sql`1 = 0` : sql`school_id in (${sql.join(scope.schoolIds)})`,
    );
  }
  if (scope.roundId) and.push(sql`round_id = ${scope.roundId}`);
  if (scope.from) and.push(sql`observed_on >= ${scope.from}`);
  if (scope.to) and.push(sql`observed_on <= ${scope.to}`);
  if (scope.gradeBand) and.push(sql`grade_band = ${scope.gradeBand}`);
  if (scope.subject) and.push(sql`subject = ${scope.subject}`);
  return sql<SqlBool>`(${sql.join(and, sql` and `)})`;
}
