import Papa from 'papaparse';
import { stripBom } from '../import-problem';

/** One problem with one cell (or a whole row or file) of a OneRoster file. */
export interface RosterProblem {
  file: string;
  /** The row as a spreadsheet numbers it: the header is line 1; 0 for the whole file. */
  line: number;
  field: string;
  message: string;
}

/** A data row of a CSV file: its cells by header name and its line number. */
export interface CsvRow {
  line: number;
  cell: (column: string) => string;
}

export interface CsvTable {
  file: string;
  columns: string[];
  rows: CsvRow[];
}

/**
 * Reads a CSV file with a header row. Header names keep their case (OneRoster's are
 * camelCase) but lose stray spaces; cells are trimmed; blank rows are left out.
 */
export function readCsvTable(
  file: string,
  text: string,
): { table: CsvTable; problems: RosterProblem[] } {
  const parsed = Papa.parse<string[]>(stripBom(text), { header: false, skipEmptyLines: false });
  const problems: RosterProblem[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ file, line: (e.row ?? 0) + 1, field: '', message: e.message }));
  const [header = [], ...body] = parsed.data;
  const columns = header.map((h) => h.trim());
  const index = new Map(columns.map((c, i) => [c, i]));
  const rows: CsvRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows.push({
      line: i + 2,
      cell: (column) => {
        const at = index.get(column);
        return at === undefined ? '' : (cells[at] ?? '').trim();
      },
    });
  });
  return { table: { file, columns, rows }, problems };
}

/** A problem for each required column the header lacks. */
export function missingColumns(table: CsvTable, required: readonly string[]): RosterProblem[] {
  return required
    .filter((c) => !table.columns.includes(c))
    .map((c) => ({
      file: table.file,
      line: 1,
      field: c,
      message: `The header has no ${c} column`,
    }));
}
