import type { SchoolRole } from '../../shared/accounts';
import type { Signedin } from './session';

export function roleIn(auth: Signedin, schoolId: string): SchoolRole | null {
  return auth.memberships.find((m) => m.schoolId === schoolId)?.role ?? null;
}

/**
 * Who may invite whom: a district admin anyone anywhere; a principal teachers and
 * coaches of their own school. Nobody else invites.
 */
export function mayInvite(
  auth: Signedin,
  schoolId: string | null,
  role: SchoolRole | 'district_admin',
): boolean {
  if (auth.districtAdmin) return true;
  if (schoolId === null || role === 'district_admin' || role === 'principal') return false;
  return roleIn(auth, schoolId) === 'principal';
}

/**
 * Who may change a role: a district admin anyone's; a principal only between
 * teacher and coach, for people already in their own school.
 */
export function mayChangeRole(
  auth: Signedin,
  schoolId: string,
  current: SchoolRole | null,
  next: SchoolRole,
): boolean {
  if (auth.districtAdmin) return true;
  if (roleIn(auth, schoolId) !== 'principal') return false;
  const staff = (r: SchoolRole | null) => r === 'teacher' || r === 'coach';
  return staff(current) && staff(next);
}
