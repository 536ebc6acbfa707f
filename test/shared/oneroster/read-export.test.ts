import { describe, expect, it } from 'vitest';
import { readExport } from '../../../src/shared/oneroster/read-export';
import { rosterFixture } from '../../support/oneroster-fixtures';

describe('reading a OneRoster export', () => {
  it('reads schools, staff with their roles and counts students from a 1.2 bulk export', () => {
    const { roster, problems } = readExport(rosterFixture('bulk'));
    expect(problems).toEqual([]);
    expect(roster?.manifest).toEqual({
      version: '1.2',
      modes: { orgs: 'bulk', users: 'bulk', roles: 'bulk' },
    });
    expect(roster?.schools.map((s) => [s.sourceId, s.name])).toEqual([
      ['org-lincoln', 'Lincoln Elementary'],
      ['org-adams', 'Adams Middle'],
    ]);
    expect(roster?.otherOrgs).toEqual(new Set(['org-district']));
    expect(roster?.people.map((p) => [p.sourceId, p.name, p.email])).toEqual([
      ['u-ana', 'Ana Diaz', 'ana.diaz@district.example'],
      ['u-ben', 'Ben Cole', 'ben.cole@district.example'],
      ['u-carla', 'Carla Moss', 'carla.moss@district.example'],
      ['u-dev', 'Dev Park', 'dev.park@district.example'],
    ]);
    expect(roster?.people[2]?.assignments).toEqual([
      { schoolSourceId: 'org-lincoln', role: 'administrator', file: 'roles.csv', line: 4 },
    ]);
    // Two students and a guardian: counted, and nothing else about them is kept.
    expect(roster?.students).toBe(3);
    expect(JSON.stringify(roster?.people)).not.toContain('Student');
  });

  it('reads the role and orgSourcedIds columns of 1.1 users.csv without roles.csv', () => {
    const { roster, problems } = readExport(rosterFixture('v1.1'));
    expect(problems).toEqual([]);
    expect(roster?.manifest.version).toBe('1.1');
    const ben = roster?.people.find((p) => p.sourceId === 'u-ben');
    expect(ben?.assignments.map((a) => [a.schoolSourceId, a.role])).toEqual([
      ['org-lincoln', 'teacher'],
      ['org-adams', 'teacher'],
    ]);
    expect(roster?.students).toBe(1);
  });

  it('reads a delta: a tobedeleted person is leaving, files marked absent are not needed', () => {
    const { roster, problems } = readExport(rosterFixture('delta'));
    expect(problems).toEqual([]);
    expect(roster?.manifest.modes).toEqual({ orgs: 'absent', users: 'delta', roles: 'delta' });
    expect(roster?.people.map((p) => [p.sourceId, p.leaving])).toEqual([
      ['u-ben', true],
      ['u-ivy', false],
    ]);
  });

  it('names every bad row by file, line and field', () => {
    const { problems } = readExport(rosterFixture('bad-rows'));
    expect(problems).toEqual([
      {
        file: 'orgs.csv',
        line: 5,
        field: 'sourcedId',
        message: 'org-lincoln is already on line 3',
      },
      { file: 'users.csv', line: 3, field: 'enabledUser', message: 'Must be true or false' },
      { file: 'roles.csv', line: 5, field: 'userSourcedId', message: 'No user u-zed in users.csv' },
      { file: 'roles.csv', line: 4, field: 'role', message: 'headmaster is not a OneRoster role' },
    ]);
  });

  it('refuses an export without a manifest, or with a listed file missing', () => {
    const noManifest = readExport({ 'users.csv': 'sourcedId\n' });
    expect(noManifest.roster).toBeNull();
    expect(noManifest.problems[0]?.message).toBe('manifest.csv is missing');
    const { 'roles.csv': _roles, ...rest } = rosterFixture('bulk');
    expect(readExport(rest).problems.map((p) => p.message)).toContain(
      'The manifest lists roles.csv but it was not given',
    );
  });

  it('names a missing column and an unsupported version', () => {
    const files = rosterFixture('bulk');
    const { problems } = readExport({
      ...files,
      'manifest.csv': files['manifest.csv']!.replace(
        'oneroster.version,1.2',
        'oneroster.version,1.0',
      ),
      'orgs.csv': 'sourcedId,name\norg-a,A\n',
    });
    expect(problems).toContainEqual({
      file: 'manifest.csv',
      line: 3,
      field: 'value',
      message: 'OneRoster version 1.0 is not supported; use 1.1 or 1.2',
    });
    expect(problems).toContainEqual({
      file: 'orgs.csv',
      line: 1,
      field: 'type',
      message: 'The header has no type column',
    });
  });
});
