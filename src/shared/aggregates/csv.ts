import { safeCsv } from '../csv-file';
import { numberCell } from '../response-kinds/kind-rules';
import { resultsOfKind } from '../response-kinds/registry';
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
  'Levels',
  'Mean',
  'Spread (SD)',
  'Quotes',
  'Target',
] as const;

type CsvRow = Record<CsvColumn, string>;

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
