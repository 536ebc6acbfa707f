import Papa from 'papaparse';
import type { LookForRow } from './table';

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

type CsvRow = Record<(typeof csvColumns)[number], string>;

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

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
      Target: text(targets.get(row.lookForId)),
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
    const cells: CsvRow = { ...base, ...blank, Classrooms: text(f.classrooms) };
    if (f.kind === 'seen') {
      cells['N/A'] = text(f.na);
      if (f.share.suppressed) {
        cells.Seen = hidden;
        cells['Not seen'] = hidden;
        cells['Percent seen'] = hidden;
      } else {
        cells.Seen = text(f.seen);
        cells['Not seen'] = text(f.notSeen);
        cells['Percent seen'] = f.share.allNa ? 'all N/A' : text(f.share.percentSeen);
      }
    } else if (f.kind === 'scale') {
      cells.Levels = f.levels.map((l) => `${l.label}: ${l.count}`).join('; ');
    } else if (f.kind === 'tally') {
      cells.Mean = text(f.mean);
      cells['Spread (SD)'] = text(f.spread);
    } else if (f.kind === 'quote') {
      cells.Quotes = text(f.quotes);
    }
    return cells;
  });
}

/** A cell a spreadsheet would run as a formula starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

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
  return Papa.unparse(
    {
      fields: [...csvColumns],
      data: csvRows(rows, threshold, targets).map((r) => csvColumns.map((c) => r[c])),
    },
    // PapaParse's own pattern (`^[=+\-@\t\r].*$`) misses a cell whose text runs on
    // past a line break; any cell starting so is defused, whatever follows.
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}
