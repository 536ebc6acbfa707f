import * as z from 'zod/mini';
import { SchoolRole } from './accounts';

// The staff directory an admin (or a principal, for their school) manages people in.
// Kept apart from `staff.ts` (the round planner's list), which carries no email.

export const StaffStatus = z.enum(['active', 'deactivated']);
export type StaffStatus = z.infer<typeof StaffStatus>;

const personFields = {
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  lastSignInAt: z.nullable(z.string()),
  status: StaffStatus,
};

export const DirectoryPerson = z.object({ ...personFields, role: SchoolRole });
export type DirectoryPerson = z.infer<typeof DirectoryPerson>;

export const DistrictAdminEntry = z.object(personFields);
export type DistrictAdminEntry = z.infer<typeof DistrictAdminEntry>;

export const InviteRole = z.enum(['teacher', 'coach', 'principal', 'district_admin']);

/** An invite not yet accepted nor revoked; `id` names it without being its secret link. */
export const PendingInvite = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  role: InviteRole,
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
});
export type PendingInvite = z.infer<typeof PendingInvite>;

export const SchoolStaff = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  staff: z.array(DirectoryPerson),
  invites: z.array(PendingInvite),
});
export type SchoolStaff = z.infer<typeof SchoolStaff>;

/** `GET /api/staff`: every school the caller manages; the district's admins for an admin. */
export const StaffDirectory = z.object({
  schools: z.array(SchoolStaff),
  districtAdmins: z.array(DistrictAdminEntry),
  districtInvites: z.array(PendingInvite),
});
export type StaffDirectory = z.infer<typeof StaffDirectory>;

/** `POST /api/staff/:userId/role`. */
export const RoleChange = z.object({ schoolId: z.uuid(), role: SchoolRole });
export type RoleChange = z.infer<typeof RoleChange>;

/** `POST /api/staff/:userId/move`: the person leaves one school for another, keeping the role. */
export const SchoolMove = z.object({ fromSchoolId: z.uuid(), toSchoolId: z.uuid() }).check(
  z.refine((m) => m.fromSchoolId !== m.toSchoolId, {
    error: 'Pick a different school to move to',
    path: ['toSchoolId'],
  }),
);
export type SchoolMove = z.infer<typeof SchoolMove>;

/** Invite ids are SHA-256 hashes (hex) of the secret link: never the link itself. */
export const InviteId = z
  .string()
  .check(z.regex(/^[a-f0-9]{64}$/, { error: 'This invite id is not valid' }));

/** `POST /api/staff/invites/:id/resend`: a fresh link (emailed when email is on). */
export const ResentInvite = z.object({
  link: z.string(),
  expiresAt: z.string(),
  emailQueued: z.boolean(),
  emailOn: z.boolean(),
});
export type ResentInvite = z.infer<typeof ResentInvite>;
