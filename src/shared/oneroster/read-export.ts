import {
  missingColumns,
  readCsvTable,
  type CsvRow,
  type CsvTable,
  type RosterProblem,
} from './csv-table';
import { readManifest, type Manifest } from './manifest';
import { isNeverImported, isStaffRole, type StaffRole } from './roles';

export const rosterFileNames = ['manifest.csv', 'orgs.csv', 'users.csv', 'roles.csv'] as const;
export type RosterFileName = (typeof rosterFileNames)[number];
export type RosterFiles = Partial<Record<RosterFileName, string>>;

export interface ExportSchool {
  sourceId: string;
  name: string;
  line: number;
  deleted: boolean;
}

export interface ExportAssignment {
  schoolSourceId: string;
  role: StaffRole;
  file: string;
  line: number;
}

export interface ExportPerson {
  sourceId: string;
  name: string;
  email: string;
  line: number;
  /** tobedeleted in the file, or enabledUser false: the person leaves. */
  leaving: boolean;
  assignments: ExportAssignment[];
}

export interface OneRosterExport {
  manifest: Manifest;
  schools: ExportSchool[];
  /** Orgs that are not schools (the district, departments): staff placed there only are skipped. */
  otherOrgs: Set<string>;
  people: ExportPerson[];
  /** Students, parents, guardians and relatives in users.csv: counted, never kept. */
  students: number;
}

const statusProblem = (t: CsvTable, line: number, status: string): RosterProblem | null =>
  status === '' || status === 'active' || status === 'tobedeleted'
    ? null
    : { file: t.file, line, field: 'status', message: 'Must be active or tobedeleted' };

/**
 * The row's sourcedId when it is there and not on an earlier line (`firstLine` says
 * where an id was seen); otherwise null, with the problem noted.
 */
function newSourceId(
  t: CsvTable,
  row: CsvRow,
  firstLine: (id: string) => number | undefined,
  problems: RosterProblem[],
): string | null {
  const sourceId = row.cell('sourcedId');
  if (!sourceId) {
    problems.push({ file: t.file, line: row.line, field: 'sourcedId', message: 'Required' });
    return null;
  }
  const first = firstLine(sourceId);
  if (first) {
    problems.push({
      file: t.file,
      line: row.line,
      field: 'sourcedId',
      message: `${sourceId} is already on line ${first}`,
    });
    return null;
  }
  return sourceId;
}

function readOrgs(t: CsvTable, problems: RosterProblem[]) {
  problems.push(...missingColumns(t, ['sourcedId', 'name', 'type']));
  const schools: ExportSchool[] = [];
  const otherOrgs = new Set<string>();
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const status = row.cell('status');
    const bad = statusProblem(t, row.line, status);
    if (bad) problems.push(bad);
    const sourceId = newSourceId(t, row, (id) => seen.get(id), problems);
    if (!sourceId) continue;
    seen.set(sourceId, row.line);
    if (row.cell('type').toLowerCase() !== 'school') {
      otherOrgs.add(sourceId);
      continue;
    }
    const name = row.cell('name');
    if (!name)
      problems.push({
        file: t.file,
        line: row.line,
        field: 'name',
        message: 'A school needs a name',
      });
    else if (name.length > 120)
      problems.push({
        file: t.file,
        line: row.line,
        field: 'name',
        message: 'At most 120 characters',
      });
    else schools.push({ sourceId, name, line: row.line, deleted: status === 'tobedeleted' });
  }
  return { schools, otherOrgs };
}

interface UserLine {
  sourceId: string;
  name: string;
  email: string;
  line: number;
  leaving: boolean;
  roles: { role: string; orgs: string[]; file: string; line: number }[];
}

function readUsers(t: CsvTable, problems: RosterProblem[], oldStyle: boolean) {
  problems.push(
    ...missingColumns(t, [
      'sourcedId',
      'givenName',
      'familyName',
      'email',
      ...(oldStyle ? ['role', 'orgSourcedIds'] : []),
    ]),
  );
  const users = new Map<string, UserLine>();
  for (const row of t.rows) {
    const status = row.cell('status');
    const bad = statusProblem(t, row.line, status);
    if (bad) problems.push(bad);
    const sourceId = newSourceId(t, row, (id) => users.get(id)?.line, problems);
    if (!sourceId) continue;
    const enabled = row.cell('enabledUser').toLowerCase();
    if (enabled !== '' && enabled !== 'true' && enabled !== 'false')
      problems.push({
        file: t.file,
        line: row.line,
        field: 'enabledUser',
        message: 'Must be true or false',
      });
    const name = [row.cell('preferredGivenName') || row.cell('givenName'), row.cell('familyName')]
      .filter(Boolean)
      .join(' ');
    const user: UserLine = {
      sourceId,
      name,
      email: row.cell('email').toLowerCase(),
      line: row.line,
      leaving: status === 'tobedeleted' || enabled === 'false',
      roles: [],
    };
    if (oldStyle) {
      const orgs = row
        .cell('orgSourcedIds')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      user.roles.push({ role: row.cell('role'), orgs, file: t.file, line: row.line });
    }
    users.set(sourceId, user);
  }
  return users;
}

function readRoles(t: CsvTable, problems: RosterProblem[], users: Map<string, UserLine>) {
  problems.push(...missingColumns(t, ['userSourcedId', 'role', 'orgSourcedId']));
  for (const row of t.rows) {
    const status = row.cell('status');
    const bad = statusProblem(t, row.line, status);
    if (bad) problems.push(bad);
    if (status === 'tobedeleted') continue;
    const userId = row.cell('userSourcedId');
    const user = users.get(userId);
    if (!user) {
      problems.push({
        file: t.file,
        line: row.line,
        field: 'userSourcedId',
        message: userId ? `No user ${userId} in users.csv` : 'Required',
      });
      continue;
    }
    const org = row.cell('orgSourcedId');
    if (!org) {
      problems.push({ file: t.file, line: row.line, field: 'orgSourcedId', message: 'Required' });
      continue;
    }
    user.roles.push({ role: row.cell('role'), orgs: [org], file: t.file, line: row.line });
  }
}

/**
 * Reads a OneRoster export into schools and staff, naming every bad row. Role
 * values are checked here; whether a person is imported is the mapping's call.
 */
export function readExport(files: RosterFiles): {
  roster: OneRosterExport | null;
  problems: RosterProblem[];
} {
  const problems: RosterProblem[] = [];
  const table = (name: RosterFileName) => {
    const text = files[name];
    if (text === undefined) return null;
    const read = readCsvTable(name, text);
    problems.push(...read.problems);
    return read.table;
  };
  const manifestTable = table('manifest.csv');
  if (!manifestTable)
    return {
      roster: null,
      problems: [{ file: 'manifest.csv', line: 0, field: '', message: 'manifest.csv is missing' }],
    };
  const { manifest, problems: manifestProblems } = readManifest(manifestTable);
  problems.push(...manifestProblems);
  const need = (name: 'orgs' | 'users' | 'roles') => {
    const t = manifest.modes[name] === 'absent' ? null : table(`${name}.csv`);
    if (manifest.modes[name] !== 'absent' && !t)
      problems.push({
        file: `${name}.csv`,
        line: 0,
        field: '',
        message: `The manifest lists ${name}.csv but it was not given`,
      });
    return t;
  };
  const orgsTable = need('orgs');
  const usersTable = need('users');
  const rolesTable = need('roles');
  if (!usersTable && manifest.modes.users === 'absent')
    problems.push({
      file: 'users.csv',
      line: 0,
      field: '',
      message: 'The export has no users.csv',
    });

  const { schools, otherOrgs } = orgsTable
    ? readOrgs(orgsTable, problems)
    : { schools: [], otherOrgs: new Set<string>() };
  const oldStyle = !rolesTable && Boolean(usersTable?.columns.includes('role'));
  if (usersTable && !rolesTable && !oldStyle)
    problems.push({
      file: 'roles.csv',
      line: 0,
      field: '',
      message: 'Give roles.csv, or users.csv with role and orgSourcedIds columns (OneRoster 1.1)',
    });
  const users = usersTable
    ? readUsers(usersTable, problems, oldStyle)
    : new Map<string, UserLine>();
  if (rolesTable) readRoles(rolesTable, problems, users);

  const people: ExportPerson[] = [];
  let students = 0;
  for (const user of users.values()) {
    const assignments: ExportAssignment[] = [];
    let family = false;
    for (const r of user.roles) {
      if (isNeverImported(r.role)) family = true;
      else if (isStaffRole(r.role))
        for (const org of r.orgs)
          assignments.push({ schoolSourceId: org, role: r.role, file: r.file, line: r.line });
      else
        problems.push({
          file: r.file,
          line: r.line,
          field: 'role',
          message: r.role ? `${r.role} is not a OneRoster role` : 'Required',
        });
    }
    // Only students, parents and their kin: counted and forgotten, never kept.
    if (family && assignments.length === 0) students += 1;
    else
      people.push({
        sourceId: user.sourceId,
        name: user.name,
        email: user.email,
        line: user.line,
        leaving: user.leaving,
        assignments,
      });
  }
  return { roster: { manifest, schools, otherOrgs, people, students }, problems };
}
