import type { SchoolRole } from '../../shared/accounts';
import { SchoolRole as SchoolRoleSchema } from '../../shared/accounts';
import type { CurrentPerson, CurrentState } from '../../shared/oneroster/plan';
import type { Queryable } from '../db/queryable';

/** What the server knows of a roster person beyond the plan's view: how to reach them. */
export interface RosterLink {
  /** Their account: the one the import linked, or the one that accepted their invite. */
  userId: string | null;
  deactivated: boolean;
  /** Their invite, while nobody has accepted it. */
  openInvite: string | null;
}

export interface LoadedRoster {
  state: CurrentState;
  links: Map<string, RosterLink>;
  schoolIds: Map<string, string>;
}

const parseAssignments = (json: string): Record<string, SchoolRole> => {
  const out: Record<string, SchoolRole> = {};
  const value: unknown = JSON.parse(json);
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const role = SchoolRoleSchema.safeParse(v);
      if (role.success) out[k] = role.data;
    }
  return out;
};

/**
 * Lookfor as a roster import sees it. A person who has an account is read from the
 * account (name, email, roles at roster schools, deactivated or not), so what an
 * admin changed by hand shows as a change the roster puts back.
 */
export async function loadRoster(db: Queryable): Promise<LoadedRoster> {
  const schools = await db
    .selectFrom('schools')
    .leftJoin('roster_orgs', 'roster_orgs.school_id', 'schools.id')
    .select(['schools.id', 'schools.name', 'roster_orgs.source_id'])
    .execute();
  const schoolIds = new Map(schools.flatMap((s) => (s.source_id ? [[s.source_id, s.id]] : [])));
  const sourceOf = new Map([...schoolIds].map(([source, id]) => [id, source]));
  const accounts = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'deactivated_at'])
    .execute();
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const rows = await db
    .selectFrom('roster_people')
    .leftJoin('invites', 'invites.token_hash', 'roster_people.invite_hash')
    .select([
      'roster_people.source_id',
      'roster_people.name',
      'roster_people.email',
      'roster_people.assignments',
      'roster_people.user_id',
      'roster_people.active',
      'roster_people.invite_hash',
      'invites.used_by',
      'invites.used_at',
      'invites.revoked_at',
    ])
    .execute();
  const memberships = await db
    .selectFrom('memberships')
    .select(['user_id', 'school_id', 'role'])
    .execute();
  const rolesOf = new Map<string, Record<string, SchoolRole>>();
  for (const m of memberships) {
    const source = sourceOf.get(m.school_id);
    const role = SchoolRoleSchema.safeParse(m.role);
    if (!source || !role.success) continue;
    const roles = rolesOf.get(m.user_id) ?? {};
    roles[source] = role.data;
    rolesOf.set(m.user_id, roles);
  }
  const links = new Map<string, RosterLink>();
  const people: CurrentPerson[] = rows.map((row) => {
    const userId = row.user_id ?? row.used_by ?? null;
    const user = userId ? byId.get(userId) : undefined;
    const open =
      !user && row.invite_hash && row.used_at === null && row.revoked_at === null
        ? row.invite_hash
        : null;
    links.set(row.source_id, {
      userId: user?.id ?? null,
      deactivated: user ? user.deactivated_at !== null : false,
      openInvite: open,
    });
    return user
      ? {
          sourceId: row.source_id,
          name: user.name,
          email: user.email,
          active: row.active === 1 && user.deactivated_at === null,
          assignments: rolesOf.get(user.id) ?? {},
        }
      : {
          sourceId: row.source_id,
          name: row.name,
          email: row.email,
          active: row.active === 1,
          assignments: parseAssignments(row.assignments),
        };
  });
  return {
    state: {
      schools: schools.map((s) => ({ id: s.id, name: s.name, sourceId: s.source_id })),
      people,
      accounts: new Map(accounts.map((a) => [a.email.toLowerCase(), a.id])),
    },
    links,
    schoolIds,
  };
}

export async function linkOrg(db: Queryable, sourceId: string, schoolId: string, at: string) {
  await db
    .insertInto('roster_orgs')
    .values({ source_id: sourceId, school_id: schoolId, linked_at: at })
    .execute();
}

export async function renameSchool(db: Queryable, schoolId: string, name: string) {
  await db.updateTable('schools').set({ name }).where('id', '=', schoolId).execute();
}

export interface RosterPersonRow {
  sourceId: string;
  name: string;
  email: string;
  assignments: Record<string, SchoolRole>;
  userId: string | null;
  inviteHash: string | null;
  active: boolean;
  at: string;
}

/** Writes (or rewrites) a roster person's row. */
export async function saveRosterPerson(db: Queryable, p: RosterPersonRow) {
  await db.deleteFrom('roster_people').where('source_id', '=', p.sourceId).execute();
  await db
    .insertInto('roster_people')
    .values({
      source_id: p.sourceId,
      name: p.name,
      email: p.email,
      assignments: JSON.stringify(p.assignments),
      user_id: p.userId,
      invite_hash: p.inviteHash,
      active: p.active ? 1 : 0,
      updated_at: p.at,
    })
    .execute();
}

export async function setRosterPersonActive(
  db: Queryable,
  sourceId: string,
  active: boolean,
  at: string,
) {
  await db
    .updateTable('roster_people')
    .set({ active: active ? 1 : 0, updated_at: at })
    .where('source_id', '=', sourceId)
    .execute();
}

export async function updateAccountProfile(
  db: Queryable,
  userId: string,
  profile: { name: string; email: string },
) {
  await db.updateTable('users').set(profile).where('id', '=', userId).execute();
}

export async function removeMembership(db: Queryable, userId: string, schoolId: string) {
  await db
    .deleteFrom('memberships')
    .where('user_id', '=', userId)
    .where('school_id', '=', schoolId)
    .execute();
}
