import { describe, expect, it } from 'vitest';
import {
  cellKey,
  judge,
  partition,
  periodGroups,
  type CellPlace,
  type WeightedCell,
} from '../../../src/shared/aggregates/blocks';

const place = (over: Partial<CellPlace>): CellPlace => ({
  school: 'a',
  period: 'r:fall',
  periodStart: '2026-10-05',
  band: 'K-2',
  subject: 'Math',
  ...over,
});
const cell = (weight: number, over: Partial<CellPlace>): WeightedCell => ({
  place: place(over),
  weight,
});

/** Blocks with periods joined by the cells' own weights, as the release joins them by visits. */
const blocksFor = (cells: readonly WeightedCell[]) =>
  partition(
    cells,
    5,
    periodGroups(
      cells.map((c) => ({ ...c.place, weight: c.weight })),
      5,
    ),
  );

/** Which cells share a block, as groups of "band/subject" (or "period") labels. */
function blocksOf(cells: WeightedCell[], label: (p: CellPlace) => string) {
  const blocks = blocksFor(cells);
  const groups = new Map<number, string[]>();
  for (const c of cells) {
    const b = blocks.blockOf.get(cellKey(c.place))!;
    groups.set(b, [...(groups.get(b) ?? []), label(c.place)]);
  }
  return [...groups.values()].map((g) => g.sort()).sort();
}
const bandSubject = (p: CellPlace) => `${p.band}/${p.subject}`;

describe('blocks of at least the threshold', () => {
  it('keeps a round whole and each big grade band apart', () => {
    const cells = [
      cell(6, { band: 'K-2', subject: 'Reading' }),
      cell(7, { band: '3-5', subject: 'Math' }),
    ];
    expect(blocksOf(cells, bandSubject)).toEqual([['3-5/Math'], ['K-2/Reading']]);
  });

  it('pools the small grade bands, and a pool still too small with the smallest big band', () => {
    const cells = [
      cell(9, { band: 'K-2' }),
      cell(6, { band: '3-5' }),
      cell(2, { band: '6-8' }),
      cell(1, { band: '9-12' }),
    ];
    expect(blocksOf(cells, (p) => p.band)).toEqual([['3-5', '6-8', '9-12'], ['K-2']]);
  });

  it('keeps small bands pooled on their own when the pool reaches the threshold', () => {
    const cells = [cell(9, { band: 'K-2' }), cell(3, { band: '3-5' }), cell(2, { band: '6-8' })];
    expect(blocksOf(cells, (p) => p.band)).toEqual([['3-5', '6-8'], ['K-2']]);
  });

  it('splits subjects only within a grade band', () => {
    const cells = [
      cell(5, { band: '6-8', subject: 'Math' }),
      cell(5, { band: '6-8', subject: 'Science' }),
      cell(2, { band: '6-8', subject: 'Art' }),
    ];
    expect(blocksOf(cells, bandSubject)).toEqual([['6-8/Art', '6-8/Math'], ['6-8/Science']]);
  });

  it('joins a small month with the next, and the last small one with the one before', () => {
    const months = ['09', '10', '11', '12'].map((m, i) =>
      cell([6, 2, 5, 1][i]!, { period: `m:2026-${m}`, periodStart: `2026-${m}-01` }),
    );
    expect(blocksOf(months, (p) => p.period)).toEqual([
      ['m:2026-09'],
      ['m:2026-10', 'm:2026-11', 'm:2026-12'],
    ]);
  });

  it('puts months too few in all with the smallest round, never splitting a round', () => {
    const cells = [
      cell(20, { period: 'r:fall' }),
      cell(8, { period: 'r:winter', periodStart: '2027-01-10' }),
      cell(3, { period: 'm:2026-11', periodStart: '2026-11-01' }),
    ];
    expect(blocksOf(cells, (p) => p.period)).toEqual([['m:2026-11', 'r:winter'], ['r:fall']]);
  });

  it('makes blocks per school', () => {
    const cells = [cell(6, { school: 'a' }), cell(6, { school: 'b' })];
    expect(blocksOf(cells, (p) => p.school)).toEqual([['a'], ['b']]);
  });
});

describe('judging a view', () => {
  const cells = [cell(9, { band: 'K-2' }), cell(6, { band: '3-5' }), cell(2, { band: '6-8' })];
  const blocks = blocksFor(cells);

  it('shows whole blocks with the classrooms they rest on', () => {
    expect(judge(blocks, () => true)).toEqual({ shown: true, weight: 17 });
    expect(judge(blocks, (p) => p.band === 'K-2')).toEqual({ shown: true, weight: 9 });
  });

  it('hides a small group as small, and the group it was pooled with as protecting it', () => {
    expect(judge(blocks, (p) => p.band === '6-8')).toEqual({ shown: false, small: true });
    expect(judge(blocks, (p) => p.band === '3-5')).toEqual({ shown: false, small: false });
  });

  it('hides everything of a school with fewer classrooms than the threshold in all', () => {
    const tiny = [cell(2, { band: 'K-2' }), cell(2, { band: '3-5' })];
    const b = blocksFor(tiny);
    expect(judge(b, () => true)).toEqual({ shown: false, small: true });
  });

  it('hides a view with nothing in it', () => {
    expect(judge(blocks, () => false)).toEqual({ shown: false, small: true });
  });

  it('counts a cell with no answers other than N/A inside its block, never alone', () => {
    const withNa = [...cells, cell(0, { band: '9-12' })];
    const b = blocksFor(withNa);
    expect(judge(b, (p) => p.band === '9-12')).toMatchObject({
      shown: false,
    });
    expect(judge(b, () => true)).toEqual({ shown: true, weight: 17 });
  });
});
