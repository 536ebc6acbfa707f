import type { SchoolRole } from '../accounts';
import type { RosterProblem } from './csv-table';
import type { ExportPerson, OneRosterExport } from './read-export';
import type { PersonLeaving, PlannedAssignment, RosterPlan } from './plan-schema';
import { higherRole, type RoleMapping } from './roles';

export interface CurrentSchool {
  id: string;
  name: string;
  sourceId: string | null;
}

/** A person an earlier import brought in, as Lookfor holds them now. */
export interface CurrentPerson {
  sourceId: string;
  name: string;
  email: string;
  active: boolean;
  /** Their Lookfor role at each roster school, by the school's source id. */
  assignments: Record<string, SchoolRole>;
}

export interface CurrentState {
  schools: CurrentSchool[];
  people: CurrentPerson[];
  /** Every Lookfor account by email (lower case): the roster adopts these. */
  accounts: Map<string, string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function planSchools(roster: OneRosterExport, current: CurrentState, problems: RosterProblem[]) {
  const schools: RosterPlan['schools'] = { add: [], link: [], rename: [] };
  const linked = new Map(current.schools.flatMap((s) => (s.sourceId ? [[s.sourceId, s]] : [])));
  const byName = new Map(current.schools.map((s) => [s.name.toLowerCase(), s]));
  const namesInFile = new Map<string, number>();
  const names = new Map<string, string>(
    current.schools.flatMap((s) => (s.sourceId ? [[s.sourceId, s.name]] : [])),
  );
  for (const school of roster.schools) {
    if (school.deleted) continue;
    const key = school.name.toLowerCase();
    const problem = (message: string) =>
      problems.push({ file: 'orgs.csv', line: school.line, field: 'name', message });
    const twin = namesInFile.get(key);
    if (twin) {
      problem(`Another school on line ${twin} has this name`);
      continue;
    }
    namesInFile.set(key, school.line);
    names.set(school.sourceId, school.name);
    const mine = linked.get(school.sourceId);
    const named = byName.get(key);
    if (mine) {
      if (mine.name === school.name) continue;
      if (named && named.id !== mine.id)
        problem(`Lookfor already has a school named ${named.name}`);
      else
        schools.rename.push({
          sourceId: school.sourceId,
          schoolId: mine.id,
          from: mine.name,
          to: school.name,
        });
    } else if (named && named.sourceId === null) {
      schools.link.push({ sourceId: school.sourceId, schoolId: named.id, name: named.name });
      names.set(school.sourceId, named.name);
    } else if (named) {
      problem(`Lookfor's ${named.name} comes from another org (${named.sourceId ?? ''})`);
    } else schools.add.push({ sourceId: school.sourceId, name: school.name });
  }
  return { schools, names };
}

/** A person's Lookfor roles by school, as the mapping makes them; problems for unknown orgs. */
function mapAssignments(
  person: ExportPerson,
  roster: OneRosterExport,
  mapping: RoleMapping,
  names: Map<string, string>,
  problems: RosterProblem[],
): Map<string, SchoolRole> {
  const roles = new Map<string, SchoolRole>();
  for (const a of person.assignments) {
    const target = mapping[a.role];
    if (target === 'skip' || roster.otherOrgs.has(a.schoolSourceId)) continue;
    if (!names.has(a.schoolSourceId)) {
      problems.push({
        file: a.file,
        line: a.line,
        field: a.file === 'roles.csv' ? 'orgSourcedId' : 'orgSourcedIds',
        message: `No school ${a.schoolSourceId} in orgs.csv or an earlier import`,
      });
      continue;
    }
    const had = roles.get(a.schoolSourceId);
    roles.set(a.schoolSourceId, had ? higherRole(had, target) : target);
  }
  return roles;
}

const sameRoles = (a: Record<string, SchoolRole>, b: Map<string, SchoolRole>) =>
  Object.keys(a).length === b.size && [...b].every(([k, v]) => a[k] === v);

function describeChanges(
  was: CurrentPerson,
  now: { name: string; email: string; roles: Map<string, SchoolRole> },
  names: Map<string, string>,
): string[] {
  const changes: string[] = [];
  if (!was.active) changes.push('reactivated');
  if (was.name !== now.name) changes.push(`name: ${was.name} → ${now.name}`);
  if (was.email !== now.email) changes.push(`email: ${was.email} → ${now.email}`);
  const school = (id: string) => names.get(id) ?? id;
  for (const [id, role] of now.roles) {
    const before = was.assignments[id];
    if (!before) changes.push(`joins ${school(id)} as ${role}`);
    else if (before !== role) changes.push(`${school(id)}: ${before} → ${role}`);
  }
  for (const id of Object.keys(was.assignments))
    if (!now.roles.has(id)) changes.push(`leaves ${school(id)}`);
  return changes;
}

/**
 * What importing this export with this mapping would do to Lookfor as it is now:
 * schools to add, link or rename; people to invite, change or deactivate. Bulk
 * users deactivate earlier imports' people absent now; delta touches only its rows.
 */
export function planRoster(
  roster: OneRosterExport,
  mapping: RoleMapping,
  current: CurrentState,
): { plan: RosterPlan; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const { schools, names } = planSchools(roster, current, problems);
  const known = new Map(current.people.map((p) => [p.sourceId, p]));
  const rosterEmails = new Map(current.people.map((p) => [p.email, p.sourceId]));
  const plan: RosterPlan = {
    version: roster.manifest.version,
    modes: { orgs: roster.manifest.modes.orgs, users: roster.manifest.modes.users },
    schools,
    add: [],
    change: [],
    deactivate: [],
    unchanged: 0,
    skipped: { students: roster.students, staff: 0 },
  };
  const leave = (p: { sourceId: string; name: string; email: string }): PersonLeaving => ({
    sourceId: p.sourceId,
    name: p.name,
    email: p.email,
  });
  const emailsInFile = new Map<string, number>();
  for (const person of roster.people) {
    const was = known.get(person.sourceId);
    const roles = person.leaving
      ? new Map<string, SchoolRole>()
      : mapAssignments(person, roster, mapping, names, problems);
    if (roles.size === 0) {
      if (was?.active) plan.deactivate.push(leave(was));
      else if (!was && !person.leaving && person.assignments.length > 0) plan.skipped.staff += 1;
      else if (was) plan.unchanged += 1;
      continue;
    }
    const problem = (field: string, message: string) =>
      problems.push({ file: 'users.csv', line: person.line, field, message });
    if (!person.name) problem('givenName', 'A staff member needs a name');
    if (person.name.length > 120) problem('givenName', 'The name is at most 120 characters');
    if (!EMAIL.test(person.email)) {
      problem(
        'email',
        person.email
          ? `${person.email} is not an email address`
          : 'A staff member needs an email address',
      );
      continue;
    }
    const twin = emailsInFile.get(person.email);
    if (twin) {
      problem('email', `${person.email} is already on line ${twin}`);
      continue;
    }
    emailsInFile.set(person.email, person.line);
    const otherSource = rosterEmails.get(person.email);
    if (otherSource && otherSource !== person.sourceId && known.get(otherSource)?.active) {
      problem('email', `${person.email} belongs to ${otherSource} from an earlier import`);
      continue;
    }
    const account = current.accounts.get(person.email) ?? null;
    const assignments: PlannedAssignment[] = [...roles].map(([schoolSourceId, role]) => ({
      schoolSourceId,
      schoolName: names.get(schoolSourceId) ?? schoolSourceId,
      role,
    }));
    const planned = {
      sourceId: person.sourceId,
      name: person.name,
      email: person.email,
      assignments,
      existingUserId: account,
    };
    if (!was) {
      plan.add.push(planned);
      continue;
    }
    if (was.email !== person.email && account) {
      problem('email', `${person.email} is another Lookfor account's address`);
      continue;
    }
    const changes = describeChanges(was, { ...person, roles }, names);
    if (changes.length === 0 && sameRoles(was.assignments, roles)) plan.unchanged += 1;
    else plan.change.push({ ...planned, changes, reactivate: !was.active });
  }
  if (roster.manifest.modes.users === 'bulk') {
    const present = new Set(roster.people.map((p) => p.sourceId));
    for (const was of current.people)
      if (was.active && !present.has(was.sourceId)) plan.deactivate.push(leave(was));
  }
  return { plan, problems };
}
