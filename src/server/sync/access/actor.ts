import type { Membership, SchoolRole } from '../../../shared/accounts';

/** The signed-in user on whose behalf a push is applied or a pull is served. */
export interface Actor {
  userId: string;
  districtAdmin: boolean;
  memberships: readonly Membership[];
}

export function roleOf(actor: Actor, schoolId: string): SchoolRole | null {
  return actor.memberships.find((m) => m.schoolId === schoolId)?.role ?? null;
}

export const isMember = (actor: Actor, schoolId: string) => roleOf(actor, schoolId) !== null;

/** Coaches and principals lead a school's walkthroughs and protocols; district admins every school's. */
export function leads(actor: Actor, schoolId: string): boolean {
  if (actor.districtAdmin) return true;
  const role = roleOf(actor, schoolId);
  return role === 'coach' || role === 'principal';
}

export const schoolIdsOf = (actor: Actor) => actor.memberships.map((m) => m.schoolId);
