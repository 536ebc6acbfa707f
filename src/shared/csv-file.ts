import Papa from 'papaparse';

/** A cell a spreadsheet would run as a formula starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV file (header row first, CRLF line ends) whose cells a spreadsheet never runs:
 * PapaParse's own pattern (`^[=+\-@\t\r].*$`) misses a cell whose text runs on past a
 * line break; any cell starting so is defused, whatever follows.
 */
export function safeCsv(fields: readonly string[], data: readonly (readonly string[])[]): string {
  return Papa.unparse(
    { fields: [...fields], data: data.map((row) => [...row]) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}
