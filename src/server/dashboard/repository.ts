import { sql } from 'kysely';
import { emptyCounts, type LookForCounts } from '../../shared/aggregates/counts';
import type { GroupCounts } from '../../shared/aggregates/groups';
import type { SeenCounts } from '../../shared/aggregates/seen';
import type { Queryable } from '../sync/repository';
import { inScope, type FactScope } from './scope';

// Every figure is computed by the database (GROUP BY); only the sums come back.
const n = (v: unknown) => Number(v ?? 0);

/** Classrooms visited: distinct finished observations in scope. */
export async function classroomsVisited(db: Queryable, scope: FactScope): Promise<number> {
  const row = await db
    .selectFrom('observation_visits')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(inScope(scope))
    .executeTakeFirst();
  return n(row?.n);
}

/** Versions of the protocol that observations in scope used. */
export async function versionsInScope(db: Queryable, scope: FactScope): Promise<number[]> {
  const rows = await db
    .selectFrom('observation_visits')
    .select('protocol_version')
    .distinct()
    .where(inScope(scope))
    .execute();
  return rows.map((r) => n(r.protocol_version)).sort((a, b) => a - b);
}

/** Per look-for counts of a scope, with scale levels counted per level id. */
export async function lookForCounts(db: Queryable, scope: FactScope): Promise<LookForCounts[]> {
  const rows = await db
    .selectFrom('observation_facts')
    .select((eb) => [
      'look_for_id',
      eb.fn.countAll().as('classrooms'),
      eb.fn.sum('seen').as('seen'),
      eb.fn.sum('not_seen').as('not_seen'),
      eb.fn.sum('na').as('na'),
      eb.fn.sum('has_quote').as('quotes'),
      eb.fn.count('tally').as('tally_count'),
      eb.fn.sum('tally').as('tally_sum'),
      eb.fn.sum(sql<number>`tally * tally`).as('tally_squares'),
    ])
    .where(inScope(scope))
    .groupBy('look_for_id')
    .execute();
  const levels = await db
    .selectFrom('observation_facts')
    .select((eb) => ['look_for_id', 'level_id', eb.fn.countAll().as('n')])
    .where(inScope(scope))
    .where('level_id', 'is not', null)
    .groupBy(['look_for_id', 'level_id'])
    .execute();
  const byId = new Map<string, LookForCounts>();
  for (const r of rows) {
    byId.set(r.look_for_id, {
      ...emptyCounts(r.look_for_id),
      classrooms: n(r.classrooms),
      seen: n(r.seen),
      notSeen: n(r.not_seen),
      na: n(r.na),
      quotes: n(r.quotes),
      tallyCount: n(r.tally_count),
      tallySum: n(r.tally_sum),
      tallySumOfSquares: n(r.tally_squares),
    });
  }
  for (const l of levels) {
    const counts = byId.get(l.look_for_id);
    if (counts && l.level_id !== null) counts.levels[l.level_id] = n(l.n);
  }
  return [...byId.values()];
}

/** Answers pooled over a group of look-fors; each classroom counted once. */
export async function groupCounts(
  db: Queryable,
  scope: FactScope,
  lookForIds: readonly string[],
): Promise<GroupCounts> {
  if (lookForIds.length === 0) return { classrooms: 0, seen: 0, notSeen: 0, na: 0 };
  const row = await db
    .selectFrom('observation_facts')
    .select((eb) => [
      eb.fn.count('observation_id').distinct().as('classrooms'),
      eb.fn.sum('seen').as('seen'),
      eb.fn.sum('not_seen').as('not_seen'),
      eb.fn.sum('na').as('na'),
    ])
    .where(inScope(scope))
    .where('look_for_id', 'in', [...lookForIds])
    .where('answer', 'in', ['seen', 'not_seen', 'na'])
    .executeTakeFirst();
  return {
    classrooms: n(row?.classrooms),
    seen: n(row?.seen),
    notSeen: n(row?.not_seen),
    na: n(row?.na),
  };
}

export type SplitColumn = 'grade_band' | 'subject' | 'school_id' | 'round_id';

/**
 * Seen counts per look-for and per value of one column: heat maps, trends,
 * districts. Per school or round without a grade or subject filter, the day totals
 * answer (a few thousand rows); otherwise the facts themselves.
 */
export async function seenCountsBy(
  db: Queryable,
  scope: FactScope,
  column: SplitColumn,
): Promise<Map<string, Map<string, SeenCounts>>> {
  const fromTotals =
    (column === 'school_id' || column === 'round_id') && !scope.gradeBand && !scope.subject;
  const rows = fromTotals
    ? await db
        .selectFrom('observation_fact_totals')
        .select((eb) => [
          'look_for_id',
          eb.ref(column).as('split'),
          eb.fn.sum('seen').as('seen'),
          eb.fn.sum('not_seen').as('not_seen'),
          eb.fn.sum('na').as('na'),
        ])
        .where(inScope(scope))
        .where(column, '<>', '')
        .groupBy(['look_for_id', column])
        .execute()
    : await db
        .selectFrom('observation_facts')
        .select((eb) => [
          'look_for_id',
          eb.ref(column).as('split'),
          eb.fn.sum('seen').as('seen'),
          eb.fn.sum('not_seen').as('not_seen'),
          eb.fn.sum('na').as('na'),
        ])
        .where(inScope(scope))
        .where('answer', 'in', ['seen', 'not_seen', 'na'])
        .groupBy(['look_for_id', column])
        .execute();
  const result = new Map<string, Map<string, SeenCounts>>();
  for (const r of rows) {
    if (r.split === null) continue;
    const counts = { seen: n(r.seen), notSeen: n(r.not_seen), na: n(r.na) };
    if (counts.seen + counts.notSeen + counts.na === 0) continue;
    const inner = result.get(r.look_for_id) ?? new Map<string, SeenCounts>();
    inner.set(r.split, counts);
    result.set(r.look_for_id, inner);
  }
  return result;
}

/** Classrooms visited per value of one column (grade bands, subjects, schools, rounds). */
export async function classroomsBy(
  db: Queryable,
  scope: FactScope,
  column: SplitColumn,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('observation_visits')
    .select((eb) => [eb.ref(column).as('split'), eb.fn.countAll().as('n')])
    .where(inScope(scope))
    .groupBy(column)
    .execute();
  return new Map(rows.flatMap((r) => (r.split === null ? [] : [[r.split, n(r.n)] as const])));
}

/** Low-inference notes of the visits in scope, in a fixed order that reveals no visit order. */
export async function notesInScope(db: Queryable, scope: FactScope, limit: number) {
  const rows = await db
    .selectFrom('observation_visits')
    .select('notes')
    .where(inScope(scope))
    .where('notes', '<>', '')
    .orderBy('notes')
    .limit(limit)
    .execute();
  return rows.map((r) => r.notes);
}

/** Student-voice quotes of one look-for in scope, sorted, with no room or time. */
export async function quotesInScope(
  db: Queryable,
  scope: FactScope,
  lookForId: string,
  limit: number,
) {
  const rows = await db
    .selectFrom('observation_facts')
    .select('quote')
    .where(inScope(scope))
    .where('look_for_id', '=', lookForId)
    .where('has_quote', '=', 1)
    .orderBy('quote')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.quote ? [r.quote] : []));
}
