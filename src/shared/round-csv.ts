import Papa from 'papaparse';
import { limitProblems, sizeProblem, stripBom, type ImportProblem } from './import-problem';
import { gradeBands } from './observation';
import { roomIdFor, type GradeBand } from './round-rules';
import { MAX_ROUND_ROOMS, RoundRoom } from './rounds';

export type RoomCsvResult =
  { ok: true; rooms: RoundRoom[] } | { ok: false; problems: ImportProblem[] };

const columns = {
  room: ['room', 'room number', 'classroom'],
  gradeBand: ['grade band', 'grade', 'grades'],
  subject: ['subject', 'course'],
} as const;
type Column = keyof typeof columns;

/** "3-5", "3–5", "grade 3-5", "k-2", "prek", or a single grade ("3", "K") read as its band. */
export function gradeBandOf(cell: string): GradeBand | null {
  const text = cell
    .trim()
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/^grades?\s*/, '')
    .replace(/\s+/g, '');
  const band = gradeBands.find((b) => b.toLowerCase() === text);
  if (band) return band;
  if (text === 'pk' || text === 'pre-k') return 'PreK';
  const grade = text === 'k' ? 0 : /^\d{1,2}$/.test(text) ? Number(text) : null;
  if (grade === null || grade > 12) return null;
  return grade <= 2 ? 'K-2' : grade <= 5 ? '3-5' : grade <= 8 ? '6-8' : '9-12';
}

/**
 * Reads a room list (columns room, grade band, subject; any order and case). Every
 * row must be good: one bad row refuses the file, and each bad row is named, so a
 * half-imported list never reaches the plan.
 */
export function parseRoomCsv(
  text: string,
  fileName: string,
  existingIds: Iterable<string> = [],
): RoomCsvResult {
  const tooBig = sizeProblem(text, fileName, 'room lists');
  if (tooBig) return { ok: false, problems: [tooBig] };
  const problem = (where: string, message: string): ImportProblem => ({
    file: fileName,
    where,
    message,
  });
  const body = stripBom(text);
  if (body.trim() === '') return { ok: false, problems: [problem('file', 'The file is empty')] };
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false });
  const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length > 0) {
    return {
      ok: false,
      problems: quoteErrors.map((e) =>
        problem(e.row === undefined ? 'file' : `row ${e.row + 1}`, 'Check the quotes in this row'),
      ),
    };
  }
  const rows = parsed.data
    .map((cells, i) => ({ row: i + 1, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  const [header, ...data] = rows;
  if (!header) return { ok: false, problems: [problem('file', 'The file is empty')] };
  const at = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    for (const key of Object.keys(columns) as Column[]) {
      if ((columns[key] as readonly string[]).includes(name) && !at.has(key)) at.set(key, i);
    }
  });
  const missing = (Object.keys(columns) as Column[]).filter((c) => !at.has(c));
  if (missing.length > 0) {
    const names = missing.map((c) => columns[c][0]).join(', ');
    return {
      ok: false,
      problems: [
        problem(
          `row ${header.row}`,
          `Missing column: ${names} (the first row names the columns room, grade band, subject)`,
        ),
      ],
    };
  }
  if (data.length === 0)
    return { ok: false, problems: [problem('file', 'The file has a header row but no rooms')] };
  if (data.length > MAX_ROUND_ROOMS) {
    return {
      ok: false,
      problems: [
        problem(
          'file',
          `The file has ${data.length} rooms; a round holds at most ${MAX_ROUND_ROOMS}`,
        ),
      ],
    };
  }

  const ids = new Set(existingIds);
  const problems: ImportProblem[] = [];
  const rooms: RoundRoom[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of data) {
    const cell = (c: Column) => (cells[at.get(c)!] ?? '').trim();
    const first = seen.get(cell('room').toLowerCase());
    if (first !== undefined) {
      problems.push(problem(`row ${row}`, `Room ${cell('room')} is already on row ${first}`));
      continue;
    }
    if (cell('room')) seen.set(cell('room').toLowerCase(), row);
    const gradeBand = gradeBandOf(cell('gradeBand'));
    if (!gradeBand) {
      const given = cell('gradeBand');
      problems.push(
        problem(
          `row ${row}`,
          given
            ? `"${given}" is not a grade band (use ${gradeBands.join(', ')})`
            : 'Grade band is required',
        ),
      );
      continue;
    }
    const candidate = {
      id: roomIdFor(cell('room'), ids),
      room: cell('room'),
      gradeBand,
      subject: cell('subject'),
      assignedTo: null,
    };
    const checked = RoundRoom.safeParse(candidate);
    if (!checked.success) {
      problems.push(problem(`row ${row}`, checked.error.issues.map((i) => i.message).join('; ')));
      continue;
    }
    ids.add(checked.data.id);
    rooms.push(checked.data);
  }
  return problems.length > 0
    ? { ok: false, problems: limitProblems(problems, fileName) }
    : { ok: true, rooms };
}
