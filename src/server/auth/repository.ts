import { SchoolRole, type Membership } from '../../shared/accounts';
import type { Queryable } from '../db/queryable';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  districtAdmin: boolean;
  /** A deactivated person can sign in in no way; their sessions were ended. */
  deactivated?: boolean;
}

export async function countUsers(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

function toUser(row: {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  district_admin: number;
  deactivated_at: string | null;
}): UserRow {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    districtAdmin: Number(row.district_admin) === 1,
    deactivated: row.deactivated_at !== null,
  };
}

export async function insertUser(
  db: Queryable,
  user: Omit<UserRow, 'id'> & { id: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      district_admin: user.districtAdmin ? 1 : 0,
      created_at: user.createdAt,
    })
    .execute();
}

/** Grants a role in a school, replacing any earlier role there. */
export async function setMembership(
  db: Queryable,
  userId: string,
  schoolId: string,
  role: SchoolRole,
) {
  await db
    .deleteFrom('memberships')
    .where('user_id', '=', userId)
    .where('school_id', '=', schoolId)
    .execute();
  await db
    .insertInto('memberships')
    .values({ user_id: userId, school_id: schoolId, role })
    .execute();
}

export async function membershipsOf(db: Queryable, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('schools', 'schools.id', 'memberships.school_id')
    .select(['memberships.school_id', 'schools.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('schools.name')
    .execute();
  return rows.map((r) => ({
    schoolId: r.school_id,
    schoolName: r.name,
    role: SchoolRole.parse(r.role),
  }));
}

export async function insertSession(
  db: Queryable,
  session: { idHash: string; userId: string; now: string; expiresAt: string },
) {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The directory shows when each person last signed in. */
export async function noteSignIn(db: Queryable, userId: string, at: string) {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
}

export async function findSession(db: Queryable, idHash: string) {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(db: Queryable, idHash: string, now: string, expiresAt: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Queryable, idHash: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOf(db: Queryable, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
