import Papa from 'papaparse';
import type * as z from 'zod/mini';
import { withThousands } from './text-rules';
import {
  importErrorMap,
  limitProblems,
  sizeProblem,
  stripBom,
  type ImportResult,
} from './import-problem';
import {
  MAX_LOOK_FORS,
  Protocol,
  ProtocolDraft,
  type LookFor,
  type ProtocolKind,
  type Section,
} from './protocol';
import {
  columnNamed,
  csvColumns,
  focusOf,
  requiredCsvColumns,
  responseFrom,
  sectionKey,
  tagsFrom,
  type CsvColumn,
} from './protocol-csv-cells';
import { blankProtocol, slugify } from './protocol-rules';

export interface LookForCsvOptions {
  name: string;
  kind: ProtocolKind;
  now: Date;
  /** Keeps protocols made on two devices apart, as for a new protocol. */
  idSuffix: string;
}

/** A problem found at a spreadsheet row (1 is the header), or in the file as a whole. */
interface RowProblem {
  row: number | null;
  where?: string;
  message: string;
}

interface SectionRows {
  section: Section;
  firstRow: number;
  lookForRows: number[];
}

const DEFAULT_SECTION = 'Look-fors';

/**
 * Builds a draft protocol from a spreadsheet of look-fors, one per row. Never throws:
 * every refusal is a problem naming its row.
 */
export function parseLookForCsv(
  text: string,
  fileName: string,
  options: LookForCsvOptions,
): ImportResult<Protocol> {
  const tooBig = sizeProblem(text, fileName, 'look-for spreadsheets');
  if (tooBig) return { ok: false, problems: [tooBig] };
  let outcome: RowProblem[] | Protocol;
  try {
    outcome = readCsv(stripBom(text), options);
  } catch (error) {
    // A third-party parser meets arbitrary files; a surprise still becomes a problem.
    const detail = error instanceof Error ? `: ${error.message}` : '';
    outcome = [{ row: null, message: `The file could not be read as CSV${detail}` }];
  }
  if (Array.isArray(outcome)) {
    const sorted = outcome.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return {
      ok: false,
      problems: limitProblems(
        sorted.map((p) => ({
          file: fileName,
          where: p.where ?? (p.row === null ? 'file' : `row ${p.row}`),
          message: p.message,
        })),
        fileName,
      ),
    };
  }
  return { ok: true, protocol: outcome };
}

function readCsv(body: string, options: LookForCsvOptions): RowProblem[] | Protocol {
  if (body.trim() === '') return [{ row: null, message: 'The file is empty' }];
  const parsed = Papa.parse<string[]>(body, {
    delimiter: delimiterOf(body),
    header: false,
    skipEmptyLines: false,
  });
  const problems: RowProblem[] = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({
      row: e.row === undefined ? null : e.row + 1,
      message: `${e.message.replace(/\.$/, '')}: check the quotes in this row`,
    }));
  if (problems.length > 0) return problems;

  // Spreadsheet rows count from 1 and include blank lines, so row numbers match.
  const rows = parsed.data
    .map((cells, i) => ({ row: i + 1, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  const [header, ...data] = rows;
  if (header === undefined) return [{ row: null, message: 'The file is empty' }];
  const columns = readHeader(header.cells, header.row);
  if (!(columns instanceof Map)) return columns;
  if (data.length === 0) {
    return [{ row: null, message: 'The file has a header row but no look-fors' }];
  }
  if (data.length > MAX_LOOK_FORS) {
    return [
      {
        row: null,
        message: `The file has ${withThousands(data.length)} look-fors; a protocol holds at most ${MAX_LOOK_FORS}`,
      },
    ];
  }
  return assemble(data, columns, options);
}

/** The header names the delimiter: a comma unless the header only has tabs or semicolons. */
function delimiterOf(body: string): string {
  let headerLine = '';
  for (let start = 0; start < body.length && headerLine.trim() === '';) {
    const end = body.indexOf('\n', start);
    headerLine = body.slice(start, end === -1 ? body.length : end);
    start = end === -1 ? body.length : end + 1;
  }
  return [',', '\t', ';'].find((d) => headerLine.includes(d)) ?? ',';
}

function readHeader(cells: string[], row: number): Map<CsvColumn, number> | RowProblem[] {
  const columns = new Map<CsvColumn, number>();
  const problems: RowProblem[] = [];
  const known = Object.values(csvColumns).join(', ');
  cells.forEach((cell, index) => {
    const name = cell.trim();
    if (name === '') return;
    const column = columnNamed(name);
    if (column === undefined) {
      problems.push({ row, message: `unknown column '${name}' (the columns are ${known})` });
    } else if (columns.has(column)) {
      problems.push({ row, message: `the column '${csvColumns[column]}' appears twice` });
    } else columns.set(column, index);
  });
  const missing = requiredCsvColumns.filter((c) => !columns.has(c)).map((c) => csvColumns[c]);
  if (missing.length > 0) {
    const found = cells.map((c) => c.trim()).filter((c) => c !== '');
    // Without its key columns the first row is likely data, so its cells are no news.
    return [
      {
        row,
        message: `The header row is missing the ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(' and ')} (found: ${found.join(', ')})`,
      },
    ];
  }
  return problems.length > 0 ? problems : columns;
}

function assemble(
  data: ReadonlyArray<{ row: number; cells: string[] }>,
  columns: Map<CsvColumn, number>,
  options: LookForCsvOptions,
): RowProblem[] | Protocol {
  const problems: RowProblem[] = [];
  const sections = new Map<string, SectionRows>();
  const seenText = new Map<string, number>();
  let currentTitle = DEFAULT_SECTION;
  let count = 0;

  for (const { row, cells } of data) {
    const cell = (column: CsvColumn) => {
      const index = columns.get(column);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    // A blank section cell continues the section above, as merged cells export.
    currentTitle = cell('section') || currentTitle;
    const key = sectionKey(currentTitle);
    let entry = sections.get(key);
    if (entry === undefined) {
      entry = {
        section: {
          id: slugify(currentTitle, String(sections.size + 1)),
          title: currentTitle,
          focus: focusOf(currentTitle),
          lookFors: [],
        },
        firstRow: row,
        lookForRows: [],
      };
      sections.set(key, entry);
    }

    const text = cell('lookFor');
    const duplicateOf = text === '' ? undefined : seenText.get(`${key}\n${sectionKey(text)}`);
    if (duplicateOf !== undefined) {
      problems.push({ row, message: `repeats the look-for in row ${duplicateOf}` });
      continue;
    }
    seenText.set(`${key}\n${sectionKey(text)}`, row);
    const response = responseFrom(cell('responseType'), cell('levels'));
    if (!response.ok) {
      problems.push({ row, message: response.message });
      continue;
    }
    count += 1;
    const hint = cell('hint');
    const lookFor: LookFor = {
      id: slugify(text, String(count)),
      text,
      ...(hint === '' ? {} : { hint }),
      tags: tagsFrom(cell('tags')),
      response: response.value,
    };
    entry.section.lookFors.push(lookFor);
    entry.lookForRows.push(row);
  }

  const protocol: Protocol = {
    ...blankProtocol(options.name, options.kind, options.now, options.idSuffix),
    sections: [...sections.values()].map((s) => s.section),
  };
  const rowsOf = [...sections.values()];
  const draft = ProtocolDraft.safeParse(protocol, { error: importErrorMap });
  const strict = Protocol.safeParse(protocol, { error: importErrorMap });
  for (const result of [draft, strict]) {
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const problem = issueAtRow(issue, rowsOf);
      const repeat = problems.some((p) => p.row === problem.row && p.message === problem.message);
      if (!repeat) problems.push(problem);
    }
  }
  if (problems.length > 0 || !draft.success) return problems;
  return draft.data;
}

/** Points a schema issue at the spreadsheet row it came from. */
function issueAtRow(issue: z.core.$ZodIssue, sections: readonly SectionRows[]): RowProblem {
  const [top, s, inner, l, field, list, item] = issue.path;
  if (top === 'name') return { row: null, where: 'name', message: issue.message };
  if (top !== 'sections' || typeof s !== 'number') return { row: null, message: issue.message };
  const section = sections[s];
  if (section === undefined) return { row: null, message: issue.message };
  if (inner !== 'lookFors' || typeof l !== 'number') {
    return { row: section.firstRow, message: issue.message };
  }
  const row = section.lookForRows[l] ?? section.firstRow;
  if (field === 'response' && typeof item === 'number') {
    return { row, message: `${issue.message} (${String(list).replace(/s$/, '')} ${item + 1})` };
  }
  return { row, message: issue.message };
}
