import { unzipSync, strFromU8 } from 'fflate';
import { rosterFileNames, type RosterFiles } from '../../../shared/oneroster/read-export';

export interface ChosenFiles {
  files: RosterFiles;
  /** Names Lookfor reads, as found (in a zip or chosen one by one). */
  found: string[];
  problem: string | null;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1).toLowerCase();
const known = (name: string): name is keyof RosterFiles =>
  (rosterFileNames as readonly string[]).includes(name);

/**
 * The OneRoster files among what was chosen: a zip of the export, or its CSV files
 * picked together. Other files in the export (classes, enrollments…) are left unread.
 */
export async function readChosenFiles(chosen: readonly File[]): Promise<ChosenFiles> {
  const files: RosterFiles = {};
  try {
    for (const file of chosen) {
      if (file.name.toLowerCase().endsWith('.zip')) {
        const entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
          filter: (entry) => known(baseName(entry.name)),
        });
        for (const [path, bytes] of Object.entries(entries)) {
          const name = baseName(path);
          if (known(name)) files[name] = strFromU8(bytes);
        }
      } else {
        const name = baseName(file.name);
        if (known(name)) files[name] = await file.text();
      }
    }
  } catch {
    return { files: {}, found: [], problem: 'This zip file could not be read.' };
  }
  const found = rosterFileNames.filter((n) => files[n] !== undefined);
  return {
    files,
    found,
    problem:
      found.length === 0
        ? 'None of these is a OneRoster file (manifest.csv, orgs.csv, users.csv, roles.csv).'
        : null,
  };
}
