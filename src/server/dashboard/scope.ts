import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/**
 * The period of a row of the visits or facts: its round, or the month of a visit
 * outside any round (`noRound` tells how a table marks "no round").
 */
export const periodOf = (noRound: 'is null' | "= ''"): RawBuilder<string> =>
  sql<string>`case when round_id ${sql.raw(noRound)} then 'm:' || substr(observed_on, 1, 7) else 'r:' || round_id end`;

/**
 * The observations a dashboard read covers, already narrowed to schools the
 * viewer may see and to whole periods. `schoolIds` null means every school
 * (district admins only); `periods` null means every period.
 */
export interface FactScope {
  protocolId: string;
  schoolIds: readonly string[] | null;
  periods: readonly string[] | null;
  gradeBand?: string | undefined;
  subject?: string | undefined;
}

const nothing = sql<SqlBool>`1 = 0`;

/** Rows of some periods, in a form the round and date indexes serve. */
export function periodsClause(
  periods: readonly string[],
  noRound: 'is null' | "= ''" = 'is null',
): RawBuilder<SqlBool> {
  const rounds = periods.filter((p) => p.startsWith('r:')).map((p) => p.slice(2));
  const months = periods.filter((p) => p.startsWith('m:')).map((p) => p.slice(2));
  const any = [
    ...(rounds.length > 0 ? [sql`round_id in (${sql.join(rounds)})`] : []),
    ...months.map(
      (m) =>
        sql`(round_id ${sql.raw(noRound)} and observed_on >= ${`${m}-01`} and observed_on <= ${`${m}-31`})`,
    ),
  ];
  return any.length === 0 ? nothing : sql<SqlBool>`(${sql.join(any, sql` or `)})`;
}

/** A population's rows in some periods only. */
export const inPeriods = (
  p: { protocolId: string; schoolIds: readonly string[] | null },
  periods: readonly string[],
) => inScope({ protocolId: p.protocolId, schoolIds: p.schoolIds, periods });

/** The WHERE clause of a scope, for the visits or the facts (they share these columns). */
export function inScope(scope: FactScope): Expression<SqlBool> {
  const and = [sql`protocol_id = ${scope.protocolId}`];
  if (scope.schoolIds) {
    and.push(
      scope.schoolIds.length === 0
        ? nothing
        : sql`school_id in (${sql.join([...scope.schoolIds])})`,
    );
  }
  if (scope.periods) and.push(periodsClause(scope.periods));
  if (scope.gradeBand) and.push(sql`grade_band = ${scope.gradeBand}`);
  if (scope.subject) and.push(sql`subject = ${scope.subject}`);
  return sql<SqlBool>`(${sql.join(and, sql` and `)})`;
}
