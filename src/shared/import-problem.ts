import type * as z from 'zod/mini';
import { withThousands } from './text-rules';

/**
 * One reason an imported file was refused. `where` points into the file the way its
 * author sees it: "line 3" of a JSON file, "row 7" of a spreadsheet, or the JSON path
 * of a field ("protocol.sections.0.lookFors.2.text").
 */
export interface ImportProblem {
  file: string;
  where: string;
  message: string;
}

export type ImportResult<T> = { ok: true; protocol: T } | { ok: false; problems: ImportProblem[] };

/** Imported protocol files are small; anything bigger is a wrong file or an attack. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** A person fixes the first few problems; thousands of lines would hide them. */
export const MAX_PROBLEMS = 50;

export function describeProblem(problem: ImportProblem): string {
  return `${problem.file}, ${problem.where}: ${problem.message}`;
}

/** UTF-8 size without copying the text (the limit is about bytes on disk). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** A problem if the text is over the size limit, checked before any parsing. */
export function sizeProblem(text: string, file: string, what: string): ImportProblem | null {
  // Every UTF-16 code unit is at least one byte, so long text needs no counting.
  const bytes = text.length > MAX_IMPORT_BYTES ? text.length : utf8Length(text);
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return {
    file,
    where: 'file',
    message: `The file is ${megabytes(bytes)}; ${what} can be at most ${megabytes(MAX_IMPORT_BYTES)}`,
  };
}

export const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Keeps the first problems and says how many more there were. */
export function limitProblems(problems: ImportProblem[], file: string): ImportProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { file, where: 'file', message: `…and ${withThousands(more)} more problems` },
  ];
}

const expectedNames: Record<string, string> = {
  string: 'text',
  int: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function found(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return Number.isInteger(input) ? 'a whole number' : 'a number';
  if (typeof input === 'boolean') return String(input);
  return typeof input === 'object' ? 'an object' : typeof input;
}

const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Readable messages for the issues our schemas leave to zod (zod/mini ships none):
 * a district's file author reads them, not a developer.
 */
export const importErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedNames[issue.expected] ?? issue.expected;
      return issue.input === undefined
        ? `Missing: expected ${expected}`
        : `Expected ${expected}, found ${found(issue.input)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `Must be ${quoted(issue.values)}`
        : `Must be one of ${quoted(issue.values)}`;
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options)
        ? `Must be one of ${quoted(issue.options)}`
        : 'Does not match any of the allowed shapes';
    case 'too_small':
      return `Must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}`;
    case 'too_big':
      return `Must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}`;
    case 'invalid_format':
      return `Must be a valid ${issue.format}`;
    default:
      return undefined;
  }
};
