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
] as const;

type CsvRow = Record<CsvColumn, string>;

/**
 * The rows of the aggregate table as CSV cells. A suppressed figure says so in
 * every figure column and carries no number; a suppressed share likewise.
 */
export function csvRows(rows: readonly LookForRow[], threshold: number): CsvRow[] {
  const hidden = `suppressed (fewer than ${threshold} classrooms)`;
  return rows.map((row) => {
    const base = {
      'Look-for id': row.lookForId,
      'Look-for': row.text,
      Section: row.sectionTitle,
      'Response type': row.kind,
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

/** The aggregate table as a CSV file (header row first, CRLF line ends). */
export function aggregateCsv(rows: readonly LookForRow[], threshold: number): string {
  return safeCsv(
    csvColumns,
    csvRows(rows, threshold).map((r) => csvColumns.map((c) => r[c])),
  );
}
