import type { Kysely } from 'kysely';
import { hashPassword, type ScryptCost } from '../../src/server/auth/password';
import { insertUser, setMembership } from '../../src/server/auth/repository';
import { insertSchool } from '../../src/server/schools/repository';
import type { Database } from '../../src/server/db/schema';
import { DEMO_PASSWORD, demoPeople, demoSchools, type DemoPerson, type SchoolKey } from './people';
import { seededUuid, type Random } from './random';

export interface SeededPerson extends DemoPerson {
  id: string;
  districtAdmin: boolean;
}

export interface SeededDistrict {
  schools: Record<SchoolKey, { id: string; name: string }>;
  people: Record<string, SeededPerson>;
}

/** Schools, staff and roles, through the account repositories, in one transaction. */
export async function seedAccounts(
  db: Kysely<Database>,
  random: Random,
  at: Date,
  cost: ScryptCost | undefined,
): Promise<SeededDistrict> {
  const schools = Object.fromEntries(
    demoSchools.map((s) => [s.key, { id: seededUuid(random), name: s.name }]),
  ) as SeededDistrict['schools'];
  const people: Record<string, SeededPerson> = {};
  for (const person of demoPeople) {
    people[person.key] = {
      ...person,
      id: seededUuid(random),
      districtAdmin: person.districtAdmin ?? false,
    };
  }
  const hashes = await Promise.all(demoPeople.map(() => hashPassword(DEMO_PASSWORD, cost)));
  const stamp = at.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const school of Object.values(schools)) {
      await insertSchool(trx, school.id, school.name, stamp);
    }
    for (const [i, person] of Object.values(people).entries()) {
      await insertUser(trx, {
        id: person.id,
        email: person.email,
        name: person.name,
        passwordHash: hashes[i]!,
        districtAdmin: person.districtAdmin,
        createdAt: stamp,
      });
      for (const { school, role } of person.roles) {
        await setMembership(trx, person.id, schools[school].id, role);
      }
    }
  });
  return { schools, people };
}
