// Signed-in bench users, written straight to the database like the tests do.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema';
import { signedInCookie } from '../../test/support/server-app';
import { BENCH_SCHOOL_ID, BENCH_USER_ID } from './observations';

/** A coach of the bench school (and district admin); returns the Cookie header. */
export function benchCookie(db: Kysely<Database>, userId = BENCH_USER_ID): Promise<string> {
  return signedInCookie(db, {
    id: userId,
    districtAdmin: true,
    roles: [{ schoolId: BENCH_SCHOOL_ID, role: 'coach' }],
  });
}
