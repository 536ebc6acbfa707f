import type { SchoolRole } from './accounts';

/** Who is acting, or whom it is about: their district role and their school roles. */
export interface StaffHolder {
  userId: string;
  districtAdmin: boolean;
  memberships: ReadonlyArray<{ schoolId: string; role: SchoolRole }>;
}

const leads = (actor: StaffHolder, schoolId: string) =>
  actor.memberships.some((m) => m.schoolId === schoolId && m.role === 'principal');

const isStaff = (role: SchoolRole) => role === 'teacher' || role === 'coach';

/** The schools whose directory a person sees: every school for an admin, else those they lead. */
export function mayViewDirectory(actor: StaffHolder, schoolId: string): boolean {
  return actor.districtAdmin || leads(actor, schoolId);
}

/**
 * Whether an actor may deactivate or reactivate a person: a district admin anyone
 * but themselves; a principal a teacher or coach whose every school they lead.
 * Nobody else, and never oneself (an admin cannot lock the district out by mistake).
 */
export function mayChangeStatus(actor: StaffHolder, target: StaffHolder): boolean {
  if (actor.userId === target.userId) return false;
  if (actor.districtAdmin) return true;
  if (target.districtAdmin || target.memberships.length === 0) return false;
  return target.memberships.every((m) => isStaff(m.role) && leads(actor, m.schoolId));
}

/**
 * Whether an actor may move a person from one school to another (keeping their
 * role there): a district admin; a principal leading both schools, for a teacher or coach.
 */
export function mayMove(
  actor: StaffHolder,
  target: StaffHolder,
  fromSchoolId: string,
  toSchoolId: string,
): boolean {
  if (actor.districtAdmin) return true;
  const role = target.memberships.find((m) => m.schoolId === fromSchoolId)?.role;
  return (
    role !== undefined && isStaff(role) && leads(actor, fromSchoolId) && leads(actor, toSchoolId)
  );
}
