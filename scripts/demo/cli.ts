import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../../src/server/config';
import { connectDb } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import { roleLabels } from '../../src/shared/accounts';
import { DEMO_PASSWORD, demoPeople, demoSchools } from './people';
import { DemoRefused, seedDemo, type DemoOptions } from './seed';

export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

const USAGE = 'Usage: npm run demo [-- --reset]';

function signInTable(): string[] {
  const schoolName = (key: string) => demoSchools.find((s) => s.key === key)?.name ?? key;
  return demoPeople.map((p) => {
    const roles = p.districtAdmin
      ? roleLabels.district_admin
      : p.roles.map((r) => `${roleLabels[r.role]}, ${schoolName(r.school)}`).join('; ');
    return `  ${p.email.padEnd(44)} ${roles}`;
  });
}

/**
 * `npm run demo`: seeds the demo district into the database `npm start` uses. Returns
 * the exit code; anything refused or broken is a non-zero exit with the reason.
 */
export async function runDemo(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: Output,
  options: DemoOptions = {},
): Promise<number> {
  const unknown = argv.filter((a) => a !== '--reset');
  if (unknown.length > 0) {
    out.error(`Unknown option ${unknown.join(' ')}. ${USAGE}`);
    return 2;
  }
  const reset = argv.includes('--reset');
  const config = readConfig(env);
  if (reset && config.databaseUrl) {
    out.error(
      '--reset only deletes the embedded SQLite file. On PostgreSQL, drop and recreate the database (or DATABASE_SCHEMA) yourself, then run the demo again.',
    );
    return 2;
  }
  if (reset) {
    // Stop `npm start` first: the server holds the file open.
    for (const suffix of ['', '-wal', '-shm']) {
      rmSync(join(config.dataDir, `lookfor.sqlite${suffix}`), { force: true });
    }
    out.log(`Deleted the SQLite database in ${config.dataDir}`);
  }
  const handle = connectDb(config);
  try {
    await migrateToLatest(handle.db, { schema: handle.schema });
    const summary = await seedDemo(handle.db, options);
    out.log(`Seeded the demo district into ${handle.describe}:`);
    out.log(
      `  ${summary.schools} schools, ${summary.staff} staff, ${summary.rounds} closed Blast Walkthrough rounds, ${summary.observations} observations`,
    );
    out.log(
      typeof summary.visits === 'number'
        ? `  ${summary.visits} peer and coaching visits with notes and reflections`
        : `  peer and coaching visits ${summary.visits}`,
    );
    out.log(`Sign in with any of these; every demo password is ${DEMO_PASSWORD}`);
    for (const line of signInTable()) out.log(line);
    return 0;
  } catch (error) {
    if (error instanceof DemoRefused) {
      out.error(
        `${error.message}. Use \`npm run demo -- --reset\` to replace the SQLite database with the demo (everything in it is deleted).`,
      );
    } else {
      out.error(
        `The demo could not be seeded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return 1;
  } finally {
    await handle.close();
  }
}
