import type { Membership, SchoolRef } from '../../../shared/accounts';

/** What the device knows about the signed-in user's roles. */
export interface ProtocolAuthor {
  districtAdmin: boolean;
  memberships: readonly Membership[];
  /** Every school for a district admin, their own for everyone else. */
  schools: readonly SchoolRef[];
}

/** Who a protocol belongs to: a school, or the whole district (null). */
export interface ProtocolOwner {
  schoolId: string | null;
  name: string;
}

export const DISTRICT_WIDE = 'Whole district';

/**
 * May this user edit a protocol owned by `schoolId` (null or absent: district-wide)?
 * The same rule the server applies to every protocol mutation: a school's coaches
 * and principals, and district admins everywhere; district-wide ones, admins only.
 */
export function canEditProtocol(
  user: ProtocolAuthor,
  schoolId: string | null | undefined,
): boolean {
  if (user.districtAdmin) return true;
  if (schoolId === null || schoolId === undefined) return false;
  const role = user.memberships.find((m) => m.schoolId === schoolId)?.role;
  return role === 'coach' || role === 'principal';
}

/** The owners a new or imported protocol may be given by this user. */
export function protocolOwners(user: ProtocolAuthor): ProtocolOwner[] {
  if (user.districtAdmin) {
    return [
      { schoolId: null, name: DISTRICT_WIDE },
      ...user.schools.map((s) => ({ schoolId: s.id, name: s.name })),
    ];
  }
  return user.memberships
    .filter((m) => canEditProtocol(user, m.schoolId))
    .map((m) => ({ schoolId: m.schoolId, name: m.schoolName }));
}

/** The name shown for a protocol's owner. */
export function ownerName(user: ProtocolAuthor, schoolId: string | null | undefined): string {
  if (schoolId === null || schoolId === undefined) return DISTRICT_WIDE;
  return (
    user.schools.find((s) => s.id === schoolId)?.name ??
    user.memberships.find((m) => m.schoolId === schoolId)?.schoolName ??
    'Another school'
  );
}
