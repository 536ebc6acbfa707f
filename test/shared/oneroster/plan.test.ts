import { describe, expect, it } from 'vitest';
import { planRoster, type CurrentState } from '../../../src/shared/oneroster/plan';
import { readExport, type OneRosterExport } from '../../../src/shared/oneroster/read-export';
import { defaultMapping } from '../../../src/shared/oneroster/roles';
import { rosterFixture, type RosterFixture } from '../../support/oneroster-fixtures';

const exportOf = (name: RosterFixture): OneRosterExport => {
  const { roster, problems } = readExport(rosterFixture(name));
  expect(problems).toEqual([]);
  return roster!;
};
const empty: CurrentState = { schools: [], people: [], accounts: new Map() };

/** Lookfor after the bulk fixture was imported (nobody has joined yet). */
const afterBulk: CurrentState = {
  schools: [
    { id: 's-lincoln', name: 'Lincoln Elementary', sourceId: 'org-lincoln' },
    { id: 's-adams', name: 'Adams Middle', sourceId: 'org-adams' },
  ],
  people: [
    {
      sourceId: 'u-ana',
      name: 'Ana Diaz',
      email: 'ana.diaz@district.example',
      active: true,
      assignments: { 'org-lincoln': 'teacher' },
    },
    {
      sourceId: 'u-ben',
      name: 'Ben Cole',
      email: 'ben.cole@district.example',
      active: true,
      assignments: { 'org-adams': 'teacher' },
    },
    {
      sourceId: 'u-carla',
      name: 'Carla Moss',
      email: 'carla.moss@district.example',
      active: true,
      assignments: { 'org-lincoln': 'principal' },
    },
  ],
  accounts: new Map(),
};

describe('planning a roster import', () => {
  it('adds schools and invites staff with the default mapping; students and district admins stay out', () => {
    const { plan, problems } = planRoster(exportOf('bulk'), defaultMapping, empty);
    expect(problems).toEqual([]);
    expect(plan.schools.add).toEqual([
      { sourceId: 'org-lincoln', name: 'Lincoln Elementary' },
      { sourceId: 'org-adams', name: 'Adams Middle' },
    ]);
    expect(
      plan.add.map((p) => [p.sourceId, p.assignments.map((a) => `${a.schoolName}:${a.role}`)]),
    ).toEqual([
      ['u-ana', ['Lincoln Elementary:teacher']],
      ['u-ben', ['Adams Middle:teacher']],
      ['u-carla', ['Lincoln Elementary:principal']],
    ]);
    expect(plan.skipped).toEqual({ students: 3, staff: 1 });
    expect(plan.change).toEqual([]);
    expect(plan.deactivate).toEqual([]);
  });

  it('follows an edited mapping: administrators as coaches, teachers skipped', () => {
    const { plan } = planRoster(
      exportOf('bulk'),
      { ...defaultMapping, administrator: 'coach', teacher: 'skip' },
      empty,
    );
    expect(plan.add.map((p) => [p.sourceId, p.assignments[0]?.role])).toEqual([
      ['u-carla', 'coach'],
    ]);
    expect(plan.skipped.staff).toBe(3);
  });

  it('links a school that already has the name, and an account that already has the email', () => {
    const { plan } = planRoster(exportOf('bulk'), defaultMapping, {
      schools: [{ id: 's-1', name: 'lincoln elementary', sourceId: null }],
      people: [],
      accounts: new Map([['ana.diaz@district.example', 'user-ana']]),
    });
    expect(plan.schools.link).toEqual([
      { sourceId: 'org-lincoln', schoolId: 's-1', name: 'lincoln elementary' },
    ]);
    expect(plan.schools.add.map((s) => s.sourceId)).toEqual(['org-adams']);
    expect(plan.add.find((p) => p.sourceId === 'u-ana')?.existingUserId).toBe('user-ana');
  });

  it('imports the same export again as no change at all', () => {
    const { plan, problems } = planRoster(exportOf('bulk'), defaultMapping, afterBulk);
    expect(problems).toEqual([]);
    expect(plan.schools).toEqual({ add: [], link: [], rename: [] });
    expect(plan.add).toEqual([]);
    expect(plan.change).toEqual([]);
    expect(plan.deactivate).toEqual([]);
    expect(plan.unchanged).toBe(3);
  });

  it('updates instead of duplicating on a changed bulk export, and deactivates who is gone', () => {
    const { plan, problems } = planRoster(exportOf('bulk-changed'), defaultMapping, afterBulk);
    expect(problems).toEqual([]);
    expect(plan.schools.rename).toEqual([
      {
        sourceId: 'org-adams',
        schoolId: 's-adams',
        from: 'Adams Middle',
        to: 'Adams Middle School',
      },
    ]);
    expect(plan.add.map((p) => p.sourceId)).toEqual(['u-hana']);
    expect(plan.change.map((p) => [p.sourceId, p.changes])).toEqual([
      ['u-ana', ['name: Ana Diaz → Ana Lopez']],
      [
        'u-ben',
        ['Adams Middle School: teacher → principal', 'joins Lincoln Elementary as teacher'],
      ],
    ]);
    expect(plan.deactivate).toEqual([
      { sourceId: 'u-carla', name: 'Carla Moss', email: 'carla.moss@district.example' },
    ]);
  });

  it('applies a delta to its rows only: tobedeleted deactivates, absent people stay', () => {
    const { plan, problems } = planRoster(exportOf('delta'), defaultMapping, afterBulk);
    expect(problems).toEqual([]);
    expect(plan.add.map((p) => [p.sourceId, p.assignments[0]?.schoolName])).toEqual([
      ['u-ivy', 'Adams Middle'],
    ]);
    expect(plan.deactivate.map((p) => p.sourceId)).toEqual(['u-ben']);
    expect(plan.change).toEqual([]);
  });

  it('reactivates a person who comes back', () => {
    const { plan } = planRoster(exportOf('bulk'), defaultMapping, {
      ...afterBulk,
      people: afterBulk.people.map((p) => (p.sourceId === 'u-carla' ? { ...p, active: false } : p)),
    });
    expect(plan.change).toEqual([
      expect.objectContaining({ sourceId: 'u-carla', reactivate: true, changes: ['reactivated'] }),
    ]);
  });

  it('names bad emails, duplicate emails, unknown schools and name clashes', () => {
    const { roster, problems: readProblems } = readExport(rosterFixture('bad-rows'));
    expect(readProblems.length).toBeGreaterThan(0);
    const { problems } = planRoster(roster!, defaultMapping, {
      schools: [{ id: 's-x', name: 'Adams Middle', sourceId: 'org-elsewhere' }],
      people: [],
      accounts: new Map(),
    });
    expect(problems).toEqual([
      {
        file: 'orgs.csv',
        line: 4,
        field: 'name',
        message: "Lookfor's Adams Middle comes from another org (org-elsewhere)",
      },
      {
        file: 'users.csv',
        line: 2,
        field: 'email',
        message: 'not-an-email is not an email address',
      },
      {
        file: 'roles.csv',
        line: 7,
        field: 'orgSourcedId',
        message: 'No school org-nowhere in orgs.csv or an earlier import',
      },
    ]);
  });

  it('refuses an email that another roster person holds', () => {
    const files = exportOf('delta');
    const ivy = files.people.find((p) => p.sourceId === 'u-ivy')!;
    ivy.email = 'ana.diaz@district.example';
    const { problems } = planRoster(files, defaultMapping, afterBulk);
    expect(problems).toEqual([
      {
        file: 'users.csv',
        line: 3,
        field: 'email',
        message: 'ana.diaz@district.example belongs to u-ana from an earlier import',
      },
    ]);
  });
});
