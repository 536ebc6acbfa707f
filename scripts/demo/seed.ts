import type { Kysely } from 'kysely';
import type { ScryptCost } from '../../src/server/auth/password';
import { countUsers } from '../../src/server/auth/repository';
import type { Database } from '../../src/server/db/schema';
import { seedAccounts } from './accounts';
import { seededRandom } from './random';
import { seedVisits } from './visits';
import { seedWalkthroughs } from './walkthroughs';
import { demoWriter } from './writer';

export interface DemoOptions {
  /** scrypt cost; tests lower it. Defaults to the server's. */
  passwordCost?: ScryptCost;
}

export interface DemoSummary {
  schools: number;
  staff: number;
  observations: number;
  rounds: number;
  visits: number;
}

export class DemoRefused extends Error {}

/**
 * Seeds the demo district into an empty, migrated database. Accounts go through
 * the account repositories; every record goes through the server's push as the
 * user who would have made it, so every rule the server enforces applies.
 */
export async function seedDemo(
  db: Kysely<Database>,
  options: DemoOptions = {},
): Promise<DemoSummary> {
  if ((await countUsers(db)) > 0) {
    throw new DemoRefused('This database already has users; the demo only seeds an empty one');
  }
  const random = seededRandom(20261123);
  const district = await seedAccounts(
    db,
    random,
    new Date('2026-09-01T12:00:00.000Z'),
    options.passwordCost,
  );
  const writer = demoWriter(db, random);
  const walks = await seedWalkthroughs(writer, random, district);
  const visits = await seedVisits(writer, random, district);
  return {
    schools: Object.keys(district.schools).length,
    staff: Object.keys(district.people).length,
    observations: walks.total,
    rounds: 2,
    visits,
  };
}
