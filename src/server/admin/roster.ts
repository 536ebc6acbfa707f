import Papa from 'papaparse';
import * as z from 'zod/mini';
import { Email, PersonName } from '../../shared/account-requests';
import { SchoolRole } from '../../shared/accounts';
import { issuesToFields } from '../../shared/errors';

export interface RosterRow {
  row: number;
  name: string;
  email: string;
  school: string;
  role: SchoolRole;
}

export interface RosterProblem {
  row: number;
  message: string;
}

const RosterLine = z.object({
  name: PersonName,
  email: Email,
  school: z.string().check(z.trim(), z.minLength(1, { error: 'School is required' })),
  role: z.pipe(z.string().check(z.trim(), z.toLowerCase()), SchoolRole),
});

const headerKey = (h: string) => h.trim().toLowerCase();

/** Reads a staff roster (name, email, school, role) and reports every bad row by number. */
export function parseRoster(text: string): { rows: RosterRow[]; problems: RosterProblem[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: headerKey,
  });
  const problems: RosterProblem[] = parsed.errors.map((e) => ({
    row: (e.row ?? 0) + 2,
    message: e.message,
  }));
  const missing = ['name', 'email', 'school', 'role'].filter(
    (c) => !parsed.meta.fields?.includes(c),
  );
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [{ row: 1, message: `Missing column(s): ${missing.join(', ')}` }],
    };
  }
  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((line, i) => {
    const row = i + 2;
    const result = RosterLine.safeParse(line);
    if (!result.success) {
      for (const issue of issuesToFields(result.error))
        problems.push({ row, message: `${issue.path}: ${issue.message}` });
      return;
    }
    const first = seen.get(result.data.email);
    if (first) {
      problems.push({ row, message: `${result.data.email} is already on row ${first}` });
      return;
    }
    seen.set(result.data.email, row);
    rows.push({ row, ...result.data });
  });
  return { rows, problems };
}
