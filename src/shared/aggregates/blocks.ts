/**
 * Small-group protection that survives arithmetic (docs/privacy.md, "How small
 * groups are kept hidden").
 *
 * The classrooms of a school's protocol are split into the finest groups any view
 * can ask for: one period (a round, or a month of visits outside rounds), one grade
 * band, one subject. Those cells are joined into blocks of at least `threshold`
 * classrooms, the same blocks whatever is asked. A view shows a figure only when
 * the classrooms it covers are whole blocks, and every figure is the exact sum of
 * those blocks. Any sum or difference of figures a viewer can get is then a sum of
 * whole blocks too: no group smaller than a block is ever worked out.
 */

/** Where a cell of classrooms sits: the finest split a dashboard view can make. */
export interface CellPlace {
  school: string;
  /** A round (`r:<id>`) or, for visits outside any round, a month (`m:YYYY-MM`). */
  period: string;
  /** When the period starts (a round's first day, a month's first day): its order in time. */
  periodStart: string;
  band: string;
  subject: string;
}

export const cellKey = (p: Pick<CellPlace, 'school' | 'period' | 'band' | 'subject'>) =>
  [p.school, p.period, p.band, p.subject].join('\u0000');

export const isRoundPeriod = (period: string) => period.startsWith('r:');

/** One cell of a measure: how many classrooms a figure about it rests on. */
export interface WeightedCell {
  place: CellPlace;
  weight: number;
}

export interface Blocks {
  threshold: number;
  /** The block of every cell of the measure, by cell key. */
  blockOf: Map<string, number>;
  /** Classrooms each block rests on. */
  weights: number[];
  /** Every cell of the measure with its block and the classrooms it rests on. */
  cells: Array<{ place: CellPlace; block: number; weight: number }>;
}

/**
 * Whether a set of cells may be shown, and how many classrooms it rests on if so.
 * A hidden set is `small` when it rests on fewer classrooms than the threshold
 * itself; otherwise it is hidden to keep a smaller group from being worked out.
 */
export type Verdict = { shown: true; weight: number } | { shown: false; small: boolean };

interface Group {
  id: string;
  weight: number;
  cells: WeightedCell[];
}

function groupBy(cells: readonly WeightedCell[], keyOf: (p: CellPlace) => string): Group[] {
  const groups = new Map<string, Group>();
  for (const cell of cells) {
    const id = keyOf(cell.place);
    const group = groups.get(id) ?? { id, weight: 0, cells: [] };
    group.weight += cell.weight;
    group.cells.push(cell);
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) => a.id.localeCompare(b.id));
}

const join = (groups: readonly Group[]): Group => ({
  id: groups[0]?.id ?? '',
  weight: groups.reduce((sum, g) => sum + g.weight, 0),
  cells: groups.flatMap((g) => g.cells),
});

const smallestFirst = (a: Group, b: Group) => a.weight - b.weight || a.id.localeCompare(b.id);

/**
 * Grade bands (or subjects) of one block-to-be: every value big enough stays a
 * group of its own; the small ones are pooled, and a pool still too small joins
 * the smallest big group.
 */
export function poolSmall(groups: readonly Group[], threshold: number): Group[] {
  const big = groups.filter((g) => g.weight >= threshold);
  const small = groups.filter((g) => g.weight < threshold);
  if (small.length === 0) return [...big];
  const pool = join(small);
  if (pool.weight >= threshold || big.length === 0) return [...big, pool];
  const [smallest, ...others] = [...big].sort(smallestFirst);
  return [...others, join([smallest!, pool])];
}

/**
 * Periods in time order, each too small one joined with the next (the last with
 * the one before), so that a date range keeps as many whole blocks as it can.
 */
export function joinAdjacent(groups: readonly Group[], threshold: number): Group[] {
  const joined: Group[] = [];
  let open: Group[] = [];
  let openWeight = 0;
  for (const group of groups) {
    open.push(group);
    openWeight += group.weight;
    if (openWeight >= threshold) {
      joined.push(join(open));
      open = [];
      openWeight = 0;
    }
  }
  if (open.length > 0) {
    const last = joined.pop();
    joined.push(join(last ? [last, ...open] : open));
  }
  return joined;
}

/** A period of a school and the classrooms visited in it. */
export interface PeriodWeight {
  school: string;
  period: string;
  periodStart: string;
  weight: number;
}

export const periodKey = (p: Pick<CellPlace, 'school' | 'period'>) =>
  `${p.school}\u0000${p.period}`;

/**
 * The periods of each school, grouped: rounds with rounds and months with months,
 * each in time order, a period too small joined with the next. A kind of period
 * too small as a whole joins the smallest group of the other kind. Gives each
 * period's group, by period key.
 */
export function periodGroups(
  periods: readonly PeriodWeight[],
  threshold: number,
): Map<string, string> {
  const groupOf = new Map<string, string>();
  const asCells = periods.map((p) => ({
    place: { ...p, band: '', subject: '' },
    weight: p.weight,
  }));
  for (const school of groupBy(asCells, (p) => p.school)) {
    for (const group of schoolPeriodGroups(school.cells, threshold)) {
      const id = periodKey(group.cells[0]!.place);
      for (const cell of group.cells) groupOf.set(periodKey(cell.place), id);
    }
  }
  return groupOf;
}

function schoolPeriodGroups(cells: readonly WeightedCell[], threshold: number): Group[] {
  const starts = new Map(cells.map((c) => [c.place.period, c.place.periodStart]));
  const byTime = (a: Group, b: Group) =>
    (starts.get(a.id) ?? '').localeCompare(starts.get(b.id) ?? '') || a.id.localeCompare(b.id);
  const periods = groupBy(cells, (p) => p.period).sort(byTime);
  const rounds = joinAdjacent(
    periods.filter((p) => isRoundPeriod(p.id)),
    threshold,
  );
  const months = joinAdjacent(
    periods.filter((p) => !isRoundPeriod(p.id)),
    threshold,
  );
  const tooSmall = (kind: Group[]) => kind.length === 1 && kind[0]!.weight < threshold;
  for (const [kind, other] of [
    [rounds, months],
    [months, rounds],
  ] as const) {
    if (tooSmall(kind) && other.length > 0) {
      const [smallest] = [...other].sort(smallestFirst);
      other.splice(other.indexOf(smallest!), 1, join([smallest!, kind[0]!]));
      kind.length = 0;
    }
  }
  return [...rounds, ...months];
}

/**
 * The blocks of one measure: periods first (so a round stays whole whenever it
 * can), then grade bands within them, then subjects within those. `groupOf` gives
 * each period's group (see periodGroups: the dashboard joins periods by classrooms
 * visited, the same for every measure). A block below the threshold can only come
 * of a period group too small for this measure, and it is never shown.
 */
export function partition(
  cells: readonly WeightedCell[],
  threshold: number,
  groupOf: ReadonlyMap<string, string>,
): Blocks {
  const blocks: Blocks = { threshold, blockOf: new Map(), weights: [], cells: [] };
  for (const period of groupBy(cells, (p) => groupOf.get(periodKey(p)) ?? periodKey(p))) {
    for (const band of poolSmall(
      groupBy(period.cells, (p) => p.band),
      threshold,
    )) {
      for (const block of poolSmall(
        groupBy(band.cells, (p) => p.subject),
        threshold,
      )) {
        const index = blocks.weights.length;
        blocks.weights.push(block.weight);
        for (const cell of block.cells) {
          blocks.blockOf.set(cellKey(cell.place), index);
          blocks.cells.push({ place: cell.place, block: index, weight: cell.weight });
        }
      }
    }
  }
  return blocks;
}

/** Whether the cells a view covers are whole blocks, none below the threshold. */
export function judge(blocks: Blocks, inView: (p: CellPlace) => boolean): Verdict {
  const inside = new Set<number>();
  const outside = new Set<number>();
  let own = 0;
  for (const cell of blocks.cells) {
    if (inView(cell.place)) {
      inside.add(cell.block);
      own += cell.weight;
    } else outside.add(cell.block);
  }
  const small = own < blocks.threshold;
  for (const block of inside) {
    if (outside.has(block) || blocks.weights[block]! < blocks.threshold) {
      return { shown: false, small };
    }
  }
  return small ? { shown: false, small } : { shown: true, weight: own };
}
