import { sql, type RawBuilder } from 'kysely';
import { cellKey, type CellPlace } from '../../shared/aggregates/blocks';
import type { LookForGroup } from '../../shared/aggregates/catalogue';
import { emptyCounts, type LookForCounts } from '../../shared/aggregates/counts';
import { emptyCube, groupKey, type Cube } from '../../shared/aggregates/release';
import type { Queryable } from '../sync/repository';
import { inScope, periodOf } from './scope';

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
 * `fine` splits cells by grade band and subject (summaries, and any view narrowed
 * by either); otherwise a cell is a whole period of a school, read from the day
 * totals (trends and districts without a filter). Both give the same blocks for a
 * view of whole periods, as blocks are made periods first.
 */
export interface CubeRequest extends Population {
  fine: boolean;
}

const visitPeriod = periodOf('is null');
const totalPeriod = periodOf("= ''");

const inPopulation = (p: Population) =>
  inScope({ protocolId: p.protocolId, schoolIds: p.schoolIds, periods: null });

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

/** The cells of a protocol's classrooms and what the database counted in each. */
export async function readCube(db: Queryable, req: CubeRequest): Promise<Cube> {
  const cube = emptyCube();
  const where = inPopulation(req);
  const visits = await db
    .selectFrom('observation_visits')
    .select([
      ...cellColumns(req.fine, visitPeriod),
      (eb) => eb.fn.countAll().as('n'),
      (eb) => eb.fn.min('observed_on').as('first'),
    ])
    .where(where)
    .groupBy(cellGrouping(req.fine, visitPeriod))
    .execute();
  const firstDay = new Map<string, string>();
  for (const v of visits) {
    const first = String(v.first);
    const known = firstDay.get(v.period);
    if (!known || first < known) firstDay.set(v.period, first);
  }
  const startOf = (period: string) =>
    period.startsWith('m:')
      ? `${period.slice(2)}-01`
      : (req.roundStarts.get(period.slice(2)) ?? firstDay.get(period) ?? '');
  const keyOf = (row: CellRow) => {
    const key = cellKey(row);
    if (!cube.places.has(key)) {
      const place: CellPlace = { ...row, periodStart: startOf(row.period) };
      cube.places.set(key, place);
    }
    return key;
  };
  for (const v of visits) cube.visits.set(keyOf(v), n(v.n));

  const counts = (lookForId: string, key: string) => {
    const perCell = cube.lookFors.get(lookForId) ?? new Map<string, LookForCounts>();
    cube.lookFors.set(lookForId, perCell);
    const c = perCell.get(key) ?? emptyCounts(lookForId);
    perCell.set(key, c);
    return c;
  };

  if (!req.fine) {
    const totals = await db
      .selectFrom('observation_fact_totals')
      .select([
        ...cellColumns(false, totalPeriod),
        'look_for_id',
        (eb) => eb.fn.sum('seen').as('seen'),
        (eb) => eb.fn.sum('not_seen').as('not_seen'),
        (eb) => eb.fn.sum('na').as('na'),
      ])
      .where(where)
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

  return cube;
}

/** Adds the pooled answers of sections and tags to a fine cube, per cell. */
export async function readGroups(
  db: Queryable,
  population: Population,
  groups: readonly LookForGroup[],
  cube: Cube,
): Promise<void> {
  const where = inPopulation(population);
  const keyOf = (row: CellRow) => cellKey(row);
  for (const group of groups) {
    if (group.lookForIds.length === 0) continue;
    const rows = await db
      .selectFrom('observation_facts')
      .select([
        ...cellColumns(true, visitPeriod),
        (eb) => eb.fn.count('observation_id').distinct().as('classrooms'),
        (eb) => eb.fn.sum('seen').as('seen'),
        (eb) => eb.fn.sum('not_seen').as('not_seen'),
        (eb) => eb.fn.sum('na').as('na'),
      ])
      .where(where)
      .where('look_for_id', 'in', [...group.lookForIds])
      .where('answer', 'in', ['seen', 'not_seen', 'na'])
      .groupBy(cellGrouping(true, visitPeriod))
      .execute();
    cube.groups.set(
      groupKey(group),
      new Map(
        rows.map((r) => [
          keyOf(r),
          { classrooms: n(r.classrooms), seen: n(r.seen), notSeen: n(r.not_seen), na: n(r.na) },
        ]),
      ),
    );
  }
}
