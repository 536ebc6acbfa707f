import { sql, type RawBuilder } from 'kysely';
import {
  cellKey,
  isRoundPeriod,
  periodGroups,
  periodKey,
  type CellPlace,
  type PeriodWeight,
} from '../../shared/aggregates/blocks';
import type { LookForGroup } from '../../shared/aggregates/catalogue';
import { emptyCounts, type LookForCounts } from '../../shared/aggregates/counts';
import { emptyCube, groupKey, type Cube } from '../../shared/aggregates/release';
import type { Queryable } from '../db/queryable';
import { inPeriods, inScope, periodOf, periodsClause } from './scope';

// Every number is summed by the database (GROUP BY); only the sums come back.
const n = (v: unknown) => Number(v ?? 0);

/** Whose classrooms a cube counts: one protocol, in some schools (null: every school). */
export interface Population {
  protocolId: string;
  schoolIds: readonly string[] | null;
  /** First day of each round, by round id: the order of periods in time. */
  roundStarts: ReadonlyMap<string, string>;
}

/**
 * Which cells to read. `fine` splits them by grade band and subject (summaries, and
 * any view narrowed by either); otherwise a cell is a whole period of a school, read
 * from the day totals (trends and districts without a filter). `near` names the
 * periods a view covers: only their period groups are read, which is all a view's
 * blocks can reach (null: every period).
 */
export interface CellRequest {
  fine: boolean;
  threshold: number;
  near: readonly string[] | null;
  groups: readonly LookForGroup[];
}

const visitPeriod = periodOf('is null');
const totalPeriod = periodOf("= ''");

const inPopulation = (p: Population) =>
  inScope({ protocolId: p.protocolId, schoolIds: p.schoolIds, periods: null });

/** Every period of the population with its classrooms visited: the first, cheap read. */
export async function readPeriods(
  db: Queryable,
  population: Population,
): Promise<Map<string, PeriodWeight>> {
  const rows = await db
    .selectFrom('observation_visits')
    .select([
      sql<string>`school_id`.as('school'),
      visitPeriod.as('period'),
      (eb) => eb.fn.countAll().as('n'),
      (eb) => eb.fn.min('observed_on').as('first'),
    ])
    .where(inPopulation(population))
    // A calibration room visited by several observers is one classroom.
    .where('counted', '=', 1)
    .groupBy([sql`school_id`, visitPeriod])
    .execute();
  const periods = new Map<string, PeriodWeight>();
  for (const r of rows) {
    const periodStart = isRoundPeriod(r.period)
      ? (population.roundStarts.get(r.period.slice(2)) ?? String(r.first))
      : `${r.period.slice(2)}-01`;
    const p = { school: r.school, period: r.period, periodStart, weight: n(r.n) };
    periods.set(periodKey(p), p);
  }
  return periods;
}

/** Whether a list names every period of the population (a whole year, say). */
export const coversEvery = (
  periods: ReadonlyMap<string, PeriodWeight>,
  list: readonly string[],
): boolean => {
  const named = new Set(list);
  return [...periods.values()].every((p) => named.has(p.period));
};

/** The periods to read for a view: every period of a group one of its periods is in. */
function periodsNear(
  periods: ReadonlyMap<string, PeriodWeight>,
  near: readonly string[] | null,
  threshold: number,
): string[] | null {
  if (near === null) return null;
  // A view of every period reads everything, with no list of periods to match.
  if (coversEvery(periods, near)) return null;
  const wanted = new Set(near);
  const groupOf = periodGroups([...periods.values()], threshold);
  const groups = new Set(
    [...periods.values()].filter((p) => wanted.has(p.period)).map((p) => groupOf.get(periodKey(p))),
  );
  return [
    ...new Set(
      [...periods.values()]
        .filter((p) => groups.has(groupOf.get(periodKey(p))))
        .map((p) => p.period),
    ),
  ];
}

const cellColumns = (fine: boolean, period: RawBuilder<string>) => [
  sql<string>`school_id`.as('school'),
  period.as('period'),
  (fine ? sql<string>`grade_band` : sql<string>`'*'`).as('band'),
  (fine ? sql<string>`subject` : sql<string>`'*'`).as('subject'),
];

const cellGrouping = (fine: boolean, period: RawBuilder<string>) =>
  fine ? [sql`school_id`, period, sql`grade_band`, sql`subject`] : [sql`school_id`, period];

interface CellRow {
  school: string;
  period: string;
  band: string;
  subject: string;
}

/** The cells of a protocol's classrooms near a view, and what the database counted in each. */
export async function readCube(
  db: Queryable,
  population: Population,
  periods: ReadonlyMap<string, PeriodWeight>,
  req: CellRequest,
): Promise<Cube> {
  const cube = emptyCube();
  for (const [key, p] of periods) cube.periods.set(key, p);
  const near = periodsNear(periods, req.near, req.threshold);
  const where = near === null ? inPopulation(population) : inPeriods(population, near);
  const keyOf = (row: CellRow) => {
    const key = cellKey(row);
    if (!cube.places.has(key)) {
      const periodStart = periods.get(periodKey(row))?.periodStart ?? '';
      const place: CellPlace = { ...row, periodStart };
      cube.places.set(key, place);
    }
    return key;
  };
  const counts = (lookForId: string, key: string) => {
    const perCell = cube.lookFors.get(lookForId) ?? new Map<string, LookForCounts>();
    cube.lookFors.set(lookForId, perCell);
    const c = perCell.get(key) ?? emptyCounts(lookForId);
    perCell.set(key, c);
    return c;
  };

  if (!req.fine) {
    for (const p of periods.values()) {
      if (near && !near.includes(p.period)) continue;
      cube.visits.set(
        keyOf({ school: p.school, period: p.period, band: '*', subject: '*' }),
        p.weight,
      );
    }
    const totals = await db
      .selectFrom('observation_fact_totals')
      .select([
        ...cellColumns(false, totalPeriod),
        'look_for_id',
        (eb) => eb.fn.sum('seen').as('seen'),
        (eb) => eb.fn.sum('not_seen').as('not_seen'),
        (eb) => eb.fn.sum('na').as('na'),
      ])
      .where(inPopulation(population))
      .where(near === null ? sql<boolean>`1 = 1` : periodsClause(near, "= ''"))
      .groupBy([...cellGrouping(false, totalPeriod), sql`look_for_id`])
      .execute();
    for (const t of totals) {
      const c = counts(t.look_for_id, keyOf(t));
      c.seen = n(t.seen);
      c.notSeen = n(t.not_seen);
      c.na = n(t.na);
      c.classrooms = c.seen + c.notSeen + c.na;
    }
    return cube;
  }

  const visits = await db
    .selectFrom('observation_visits')
    .select([...cellColumns(true, visitPeriod), (eb) => eb.fn.countAll().as('n')])
    .where(where)
    .where('counted', '=', 1)
    .groupBy(cellGrouping(true, visitPeriod))
    .execute();
  for (const v of visits) cube.visits.set(keyOf(v), n(v.n));

  const facts = await db
    .selectFrom('observation_facts')
    .select([
      ...cellColumns(true, visitPeriod),
      'look_for_id',
      (eb) => eb.fn.countAll().as('classrooms'),
      (eb) => eb.fn.sum('seen').as('seen'),
      (eb) => eb.fn.sum('not_seen').as('not_seen'),
      (eb) => eb.fn.sum('na').as('na'),
      (eb) => eb.fn.sum('has_quote').as('quotes'),
      (eb) => eb.fn.count('tally').as('tally_count'),
      (eb) => eb.fn.sum('tally').as('tally_sum'),
      (eb) => eb.fn.sum(sql<number>`tally * tally`).as('tally_squares'),
    ])
    .where(where)
    .groupBy([...cellGrouping(true, visitPeriod), sql`look_for_id`])
    .execute();
  for (const f of facts) {
    Object.assign(counts(f.look_for_id, keyOf(f)), {
      classrooms: n(f.classrooms),
      seen: n(f.seen),
      notSeen: n(f.not_seen),
      na: n(f.na),
      quotes: n(f.quotes),
      tallyCount: n(f.tally_count),
      tallySum: n(f.tally_sum),
      tallySumOfSquares: n(f.tally_squares),
    });
  }
  const levels = await db
    .selectFrom('observation_facts')
    .select([
      ...cellColumns(true, visitPeriod),
      'look_for_id',
      'level_id',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where(where)
    .where('level_id', 'is not', null)
    .groupBy([...cellGrouping(true, visitPeriod), sql`look_for_id`, sql`level_id`])
    .execute();
  for (const l of levels) {
    if (l.level_id !== null) counts(l.look_for_id, keyOf(l)).levels[l.level_id] = n(l.n);
  }

  // Classrooms per section and tag, each counted once: one pass for every group.
  const groups = req.groups.filter((g) => g.lookForIds.length > 0);
  if (groups.length > 0) {
    const rows = await db
      .selectFrom('observation_facts')
      .select([
        ...cellColumns(true, visitPeriod),
        ...groups.map((g, i) =>
          sql<number>`count(distinct case when look_for_id in (${sql.join(g.lookForIds)}) then observation_id end)`.as(
            `g${i}`,
          ),
        ),
      ])
      .where(where)
      .where('answer', 'in', ['seen', 'not_seen', 'na'])
      .groupBy(cellGrouping(true, visitPeriod))
      .execute();
    groups.forEach((g, i) => {
      const perCell = new Map<string, number>();
      for (const r of rows) {
        const classrooms = n((r as Record<string, unknown>)[`g${i}`]);
        if (classrooms > 0) perCell.set(keyOf(r), classrooms);
      }
      cube.groups.set(groupKey(g), perCell);
    });
  }
  return cube;
}
