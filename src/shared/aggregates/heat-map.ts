import type { CatalogueEntry } from './catalogue';
import type { SeenFigure } from './seen';
import type { Cell } from './suppression';

export interface HeatMap {
  /** What the columns are: grade bands, subjects or schools. */
  by: 'gradeBand' | 'subject' | 'school';
  columns: string[];
  rows: Array<{ lookForId: string; text: string; cells: Array<Cell<SeenFigure>> }>;
}

/**
 * Percent seen of each seen look-for × each column value. `cell` gives each cell
 * as the release judges it: a grade band with three rooms shows no number even
 * when the school total does, and neither does any cell that would give it away.
 */
export function heatMap(
  by: HeatMap['by'],
  entries: readonly CatalogueEntry[],
  columns: readonly string[],
  cell: (lookForId: string, column: string) => Cell<SeenFigure>,
): HeatMap {
  return {
    by,
    columns: [...columns],
    rows: entries
      .filter((e) => e.kind === 'seen')
      .map((entry) => ({
        lookForId: entry.lookForId,
        text: entry.text,
        cells: columns.map((column) => cell(entry.lookForId, column)),
      })),
  };
}
