import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rosterFileNames, type RosterFiles } from '../../src/shared/oneroster/read-export';

export type RosterFixture = 'bulk' | 'bulk-changed' | 'delta' | 'bad-rows' | 'v1.1';

export const fixtureDir = (name: RosterFixture) =>
  join(import.meta.dirname, '..', 'fixtures', 'oneroster', name);

/** The files of one export under test/fixtures/oneroster, by name. */
export function rosterFixture(name: RosterFixture): RosterFiles {
  const files: RosterFiles = {};
  for (const file of rosterFileNames) {
    const path = join(fixtureDir(name), file);
    if (existsSync(path)) files[file] = readFileSync(path, 'utf8');
  }
  return files;
}
