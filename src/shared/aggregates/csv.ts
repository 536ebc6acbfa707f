import { safeCsv } from '../csv-file';
import { numberCell } from '../response-kinds/kind-rules';
import { resultsOfKind } from '../response-kinds/registry';
import { wilsonInterval } from '../evidence/wilson';
import type { SeenFigure } from './seen';
import type { LookForRow } from './table';

export type CsvColumn = (typeof csvColumns)[number];

export const csvColumns = [
  'Look-for id',
  'Look-for',
  'Section',
  'Response type',
  'Classrooms',
  'Seen',
  'Not seen',
  'N/A',
  'Percent seen',
  'Percent seen low (90%)',
  'Percent seen high (90%)',
  'Levels',
  'Mean',
  'Spread (SD)',
  'Quotes',
  'Target',
] as const;

type CsvRow = Record<CsvColumn, string>;

/** A seen share's 90% Wilson range in whole percentages, like the screen (issue #15). */
function rangeCells(f: SeenFigure, hidden: string): Partial<CsvRow> {
  if (f.share.suppressed) {
    return { 'Percent seen low (90%)': hidden, 'Percent seen high (90%)': hidden };
  }
  const range = f.share.answered > 0 ? wilsonInterval(f.seen, f.share.answered) : null;
  return {
    'Percent seen low (90%)': range ? numberCell(Math.round(range.low * 100)) : '',
    'Percent seen high (90%)': range ? numberCell(Math.round(range.high * 100)) : '',
  };
}

/**
 * The rows of the aggregate table as CSV cells. A suppressed figure says so in
 * every figure column and carries no number; a suppressed share likewise.
 */
export function csvRows(
  rows: readonly LookForRow[],
  threshold: number,
  targets: ReadonlyMap<string, number> = new Map(),
): CsvRow[] {
  const hidden = `suppressed (fewer than ${threshold} classrooms)`;
  return rows.map((row) => {
    const base = {
      'Look-for id': row.lookForId,
      'Look-for': row.text,
      Section: row.sectionTitle,
      'Response type': row.kind,
      Target: numberCell(targets.get(row.lookForId)),
    };
    const blank = {
      Seen: '',
      'Not seen': '',
      'N/A': '',
      'Percent seen': '',
      'Percent seen low (90%)': '',
      'Percent seen high (90%)': '',
      Levels: '',
      Mean: '',
      'Spread (SD)': '',
      Quotes: '',
    };
    const f = row.figure;
    if (f.suppressed) {
      const why = `suppressed (${f.reason})`;
      const all = Object.fromEntries(Object.keys(blank).map((k) => [k, why]));
      return { ...base, ...blank, ...all, Classrooms: why };
    }
    const cells: CsvRow = { ...base, ...blank, Classrooms: numberCell(f.classrooms) };
    // Each response kind fills its own columns (src/shared/response-kinds/<kind>.ts).
    Object.assign(cells, resultsOfKind(row.kind).csvCells(f, hidden));
    if (f.kind === 'seen') Object.assign(cells, rangeCells(f, hidden));
    return cells;
  });
}

/**
 * The aggregate table as a CSV file (header row first, CRLF line ends). `targets`
 * are the leaders' targets (percent) by look-for id; a target is the school's goal,
 * not a figure about classrooms, so it shows even where the figures are suppressed.
 */
export function aggregateCsv(
  rows: readonly LookForRow[],
  threshold: number,
  targets: ReadonlyMap<string, number> = new Map(),
): string {
  return safeCsv(
    csvColumns,
    csvRows(rows, threshold, targets).map((r) => csvColumns.map((c) => r[c])),
  );
}
