import type { CsvTable, RosterProblem } from './csv-table';

export type FileMode = 'bulk' | 'delta' | 'absent';

export interface Manifest {
  version: '1.1' | '1.2';
  modes: Record<'orgs' | 'users' | 'roles', FileMode>;
}

const modeOf = (value: string): FileMode | null =>
  value === 'bulk' || value === 'delta' || value === 'absent' ? value : null;

/**
 * manifest.csv: `propertyName,value` rows. Lookfor reads `oneroster.version` and the
 * `file.orgs`, `file.users` and `file.roles` modes (a file not named is absent).
 */
export function readManifest(table: CsvTable): { manifest: Manifest; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const modes: Manifest['modes'] = { orgs: 'absent', users: 'absent', roles: 'absent' };
  let version: Manifest['version'] = '1.2';
  let versionSeen = false;
  for (const row of table.rows) {
    const name = row.cell('propertyName');
    const value = row.cell('value');
    if (name === 'oneroster.version') {
      versionSeen = true;
      if (value === '1.1' || value === '1.2') version = value;
      else
        problems.push({
          file: table.file,
          line: row.line,
          field: 'value',
          message: `OneRoster version ${value || '(empty)'} is not supported; use 1.1 or 1.2`,
        });
    }
    const file = /^file\.(orgs|users|roles)$/.exec(name)?.[1] as
      keyof Manifest['modes'] | undefined;
    if (file) {
      const mode = modeOf(value.toLowerCase());
      if (mode) modes[file] = mode;
      else
        problems.push({
          file: table.file,
          line: row.line,
          field: 'value',
          message: `${name} must be bulk, delta or absent`,
        });
    }
  }
  if (!versionSeen)
    problems.push({
      file: table.file,
      line: 0,
      field: 'oneroster.version',
      message: 'The manifest does not say its OneRoster version',
    });
  return { manifest: { version, modes }, problems };
}
