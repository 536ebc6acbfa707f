import * as z from 'zod/mini';

/** OneRoster 1.1 and 1.2 role values a staff member can have. */
export const staffRoles = [
  'teacher',
  'administrator',
  'principal',
  'siteAdministrator',
  'aide',
  'proctor',
  'districtAdministrator',
  'systemAdministrator',
] as const;
export const StaffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof StaffRole>;

/** Roles whose people are never imported, whatever the mapping says. */
export const neverImportedRoles = ['student', 'parent', 'guardian', 'relative'] as const;

export const isStaffRole = (role: string): role is StaffRole =>
  (staffRoles as readonly string[]).includes(role);
export const isNeverImported = (role: string) =>
  (neverImportedRoles as readonly string[]).includes(role);

/** What a OneRoster role becomes in Lookfor; `skip` imports nobody for it. */
export const MappingTarget = z.enum(['teacher', 'coach', 'principal', 'skip']);
export type MappingTarget = z.infer<typeof MappingTarget>;

export const RoleMapping = z.record(StaffRole, MappingTarget);
export type RoleMapping = z.infer<typeof RoleMapping>;

/**
 * Defaults: classroom teachers are teachers; building administrators are
 * principals. Aides, proctors and district or system administrators are not
 * imported unless an admin maps them (a district admin is never made by import).
 */
export const defaultMapping: RoleMapping = {
  teacher: 'teacher',
  administrator: 'principal',
  principal: 'principal',
  siteAdministrator: 'principal',
  aide: 'skip',
  proctor: 'skip',
  districtAdministrator: 'skip',
  systemAdministrator: 'skip',
};

export const staffRoleLabels: Record<StaffRole, string> = {
  teacher: 'teacher',
  administrator: 'administrator',
  principal: 'principal',
  siteAdministrator: 'site administrator',
  aide: 'aide',
  proctor: 'proctor',
  districtAdministrator: 'district administrator',
  systemAdministrator: 'system administrator',
};

const rank: Record<Exclude<MappingTarget, 'skip'>, number> = {
  teacher: 0,
  coach: 1,
  principal: 2,
};

/** Of two Lookfor roles for one school, the one with more to do. */
export const higherRole = (
  a: Exclude<MappingTarget, 'skip'>,
  b: Exclude<MappingTarget, 'skip'>,
): Exclude<MappingTarget, 'skip'> => (rank[a] >= rank[b] ? a : b);
