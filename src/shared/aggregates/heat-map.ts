import type { CatalogueEntry } from './catalogue';
import { seenFigure, type SeenCounts, type SeenFigure } from './seen';
import { guard, type Cell } from './suppression';

export interface HeatMap {
  /** What the columns are: grade bands, subjects or schools. */
  by: 'gradeBand' | 'subject' | 'school';
  columns: string[];
  rows: Array<{ lookForId: string; text: string; cells: Array<Cell<SeenFigure>> }>;
}

/**
 * Percent seen of each seen look-for × each column value. Every cell is suppressed
 * on its own: a grade band with three rooms shows no number even when the school
 * total does. `counts` maps look-for id, then column value.
 */
export function heatMap(
  by: HeatMap['by'],
  entries: readonly CatalogueEntry[],
  columns: readonly string[],
  counts: ReadonlyMap<string, ReadonlyMap<string, SeenCounts>>,
  threshold: number,
): HeatMap {
  return {
    by,
    columns: [...columns],
    rows: entries
      .filter((e) => e.kind === 'seen')
      .map((entry) => ({
        lookForId: entry.lookForId,
        text: entry.text,
        cells: columns.map((column) => {
          const c = counts.get(entry.lookForId)?.get(column) ?? { seen: 0, notSeen: 0, na: 0 };
          return guard(c.seen + c.notSeen + c.na, threshold, () => seenFigure(c, threshold));
        }),
      })),
  };
}
