import { SchoolRole } from '../../shared/accounts';
import {
  InviteRole,
  type DistrictAdminEntry,
  type DirectoryPerson,
  type PendingInvite,
  type SchoolStaff,
} from '../../shared/staff-directory';
import type { Queryable } from '../db/queryable';

const status = (deactivatedAt: string | null) =>
  deactivatedAt === null ? ('active' as const) : ('deactivated' as const);

/** Invites not accepted nor revoked, of some schools (null: district-wide ones). */
async function pendingInvites(
  db: Queryable,
  schoolIds: readonly (string | null)[],
  now: Date,
): Promise<Map<string | null, PendingInvite[]>> {
  const ids = schoolIds.filter((id): id is string => id !== null);
  const district = schoolIds.includes(null);
  if (ids.length === 0 && !district) return new Map();
  const rows = await db
    .selectFrom('invites')
    .selectAll()
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where((eb) => {
      const either = [];
      if (ids.length > 0) either.push(eb('school_id', 'in', ids));
      if (district) either.push(eb('school_id', 'is', null));
      return eb.or(either);
    })
    .orderBy('created_at', 'desc')
    .execute();
  const bySchool = new Map<string | null, PendingInvite[]>();
  for (const row of rows) {
    const list = bySchool.get(row.school_id) ?? [];
    list.push({
      id: row.token_hash,
      name: row.name,
      email: row.email,
      role: InviteRole.parse(row.role),
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      expired: Date.parse(row.expires_at) <= now.getTime(),
    });
    bySchool.set(row.school_id, list);
  }
  return bySchool;
}

/** The staff of each school asked for (all schools when `schoolIds` is null), by name. */
export async function schoolDirectory(
  db: Queryable,
  schoolIds: readonly string[] | null,
  now: Date,
): Promise<SchoolStaff[]> {
  let schoolQuery = db.selectFrom('schools').select(['id', 'name']).orderBy('name');
  if (schoolIds !== null) {
    if (schoolIds.length === 0) return [];
    schoolQuery = schoolQuery.where('id', 'in', schoolIds);
  }
  const schools = await schoolQuery.execute();
  if (schools.length === 0) return [];
  const ids = schools.map((s) => s.id);
  const people = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.school_id',
      'memberships.role',
      'users.id',
      'users.name',
      'users.email',
      'users.last_sign_in_at',
      'users.deactivated_at',
    ])
    .where('memberships.school_id', 'in', ids)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  const invites = await pendingInvites(db, ids, now);
  return schools.map((school) => ({
    schoolId: school.id,
    schoolName: school.name,
    staff: people
      .filter((p) => p.school_id === school.id)
      .map((p): DirectoryPerson => ({
        userId: p.id,
        name: p.name,
        email: p.email,
        role: SchoolRole.parse(p.role),
        lastSignInAt: p.last_sign_in_at,
        status: status(p.deactivated_at),
      })),
    invites: invites.get(school.id) ?? [],
  }));
}

/** The district admins, and the pending invites of new ones. */
export async function districtDirectory(db: Queryable, now: Date) {
  const admins = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'last_sign_in_at', 'deactivated_at'])
    .where('district_admin', '=', 1)
    .orderBy('name')
    .execute();
  const invites = await pendingInvites(db, [null], now);
  return {
    districtAdmins: admins.map((a): DistrictAdminEntry => ({
      userId: a.id,
      name: a.name,
      email: a.email,
      lastSignInAt: a.last_sign_in_at,
      status: status(a.deactivated_at),
    })),
    districtInvites: invites.get(null) ?? [],
  };
}

export async function findInvite(db: Queryable, id: string) {
  return db.selectFrom('invites').selectAll().where('token_hash', '=', id).executeTakeFirst();
}

/**
 * Revokes an invite that is still open; false when it was accepted or revoked meanwhile.
 * Its expiry moves to now too, so every check of an invite's link refuses it.
 */
export async function revokeInvite(db: Queryable, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ revoked_at: at, expires_at: at })
    .where('token_hash', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deactivates a person: no session, no reset link and no sign-in of any kind from now
 * on. Their memberships and records stay, so their notes keep counting. The number
 * of sessions ended, or null when they were deactivated already.
 */
export async function deactivate(db: Queryable, userId: string, at: string) {
  const result = await db
    .updateTable('users')
    .set({ deactivated_at: at })
    .where('id', '=', userId)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  await db
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
  await db.deleteFrom('trusted_devices').where('user_id', '=', userId).execute();
  const ended = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(ended.numDeletedRows);
}

/** Reactivates a person; false when they were not deactivated. */
export async function reactivate(db: Queryable, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ deactivated_at: null })
    .where('id', '=', userId)
    .where('deactivated_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves a membership to another school, keeping its role (merging with one there). */
export async function moveMembership(
  db: Queryable,
  userId: string,
  fromSchoolId: string,
  toSchoolId: string,
  role: SchoolRole,
) {
  await db
    .deleteFrom('memberships')
    .where('user_id', '=', userId)
    .where('school_id', 'in', [fromSchoolId, toSchoolId])
    .execute();
  await db
    .insertInto('memberships')
    .values({ user_id: userId, school_id: toSchoolId, role })
    .execute();
}
