import type { NamedValue, ResponseType, SectionFocus } from './protocol';
import { slugify } from './protocol-rules';

/** The columns of a look-for spreadsheet, as a person writes them in the header row. */
export const csvColumns = {
  section: 'section',
  lookFor: 'look-for',
  hint: 'hint',
  responseType: 'response type',
  levels: 'levels',
  tags: 'tags',
} as const;
export type CsvColumn = keyof typeof csvColumns;
export const requiredCsvColumns: readonly CsvColumn[] = ['section', 'lookFor'];

/** "Look-for", "look for", "LOOKFOR" and "look_for" all name the same column. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const columnByName = new Map(
  Object.entries(csvColumns).map(([column, name]) => [squash(name), column as CsvColumn]),
);

export function columnNamed(header: string): CsvColumn | undefined {
  return columnByName.get(squash(header));
}

type Kind = 'seen' | 'scale' | 'tally' | 'single' | 'multiple' | 'text' | 'quote';

/** What people call each response type, including the labels the app itself shows. */
const responseNames: Record<string, Kind> = {
  seen: 'seen',
  seennotseen: 'seen',
  seennotseenna: 'seen',
  scale: 'scale',
  scalewithnamedlevels: 'scale',
  tally: 'tally',
  count: 'tally',
  tallyacount: 'tally',
  choice: 'single',
  singlechoice: 'single',
  multiplechoice: 'multiple',
  text: 'text',
  shorttext: 'text',
  quote: 'quote',
  studentvoice: 'quote',
  studentvoicequote: 'quote',
};

const levelWords = { scale: 'levels', single: 'options', multiple: 'options' } as const;

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads the response type and levels cells of one row into a response. */
export function responseFrom(typeCell: string, levelsCell: string): CellResult<ResponseType> {
  const kind: Kind | undefined = typeCell === '' ? 'seen' : responseNames[squash(typeCell)];
  if (kind === undefined) {
    return {
      ok: false,
      message: `unknown response type '${typeCell}' (use seen, scale, tally, choice, multiple choice, text or quote)`,
    };
  }
  const labels = splitList(levelsCell, /[;|]/);
  if (kind !== 'scale' && kind !== 'single' && kind !== 'multiple') {
    return labels.length > 0
      ? { ok: false, message: `levels are only for scale and choice look-fors, not ${kind}` }
      : { ok: true, value: { kind } };
  }
  const word = levelWords[kind];
  const what = kind === 'scale' ? 'a scale' : 'a choice';
  if (labels.length < 2) {
    return {
      ok: false,
      message: `${what} needs at least 2 ${word} in the levels column, separated by ; or |`,
    };
  }
  const repeated = labels.find((label, i) =>
    labels.slice(0, i).some((l) => l.toLowerCase() === label.toLowerCase()),
  );
  if (repeated !== undefined) {
    return { ok: false, message: `the ${word.slice(0, -1)} '${repeated}' is listed twice` };
  }
  const values: NamedValue[] = labels.map((label, i) => ({
    id: slugify(label, String(i + 1), 40),
    label,
  }));
  if (kind === 'scale') return { ok: true, value: { kind, levels: values } };
  return { ok: true, value: { kind: 'choice', multiple: kind === 'multiple', options: values } };
}

export function tagsFrom(cell: string): string[] {
  return [...new Set(splitList(cell, /;/))];
}

export function focusOf(sectionTitle: string): SectionFocus {
  const words = squash(sectionTitle);
  if (words === 'teacherdoing' || words === 'teachersdoing') return 'teacher';
  if (words === 'studentdoing' || words === 'studentsdoing') return 'students';
  return 'general';
}

/** Rows with the same section text, give or take case and spacing, share a section. */
export const sectionKey = (title: string) => title.toLowerCase().replace(/\s+/g, ' ');

function splitList(cell: string, separator: RegExp): string[] {
  return cell
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
