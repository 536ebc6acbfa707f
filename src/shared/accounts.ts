import * as z from 'zod/mini';
import { plainText } from './text-rules';

/** Roles in a school. District admin is held district-wide, not per school. */
export const schoolRoles = ['teacher', 'coach', 'principal'] as const;
export const SchoolRole = z.enum(schoolRoles, {
  error: 'Role must be teacher, coach or principal',
});
export type SchoolRole = z.infer<typeof SchoolRole>;

export const roleLabels: Record<SchoolRole | 'district_admin', string> = {
  teacher: 'Teacher',
  coach: 'Instructional coach',
  principal: 'Principal',
  district_admin: 'District admin',
};

export const MIN_PASSWORD = 10;

export const Email = z
  .string({ error: 'Email is required' })
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(254, { error: 'Email is at most 254 characters' }),
    z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'Enter an email address like name@school.org' }),
  );

export const Password = z
  .string({ error: 'Password is required' })
  .check(
    z.minLength(MIN_PASSWORD, { error: `Use at least ${MIN_PASSWORD} characters` }),
    z.maxLength(200, { error: 'Password is at most 200 characters' }),
  );

export const PersonName = plainText('Name', 1, 120);
export const Token = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'This link is not valid' }));

/** First run: the one-time link printed by `npm start` creates the first district admin. */
export const SetupRequest = z.object({
  token: Token,
  name: PersonName,
  email: Email,
  password: Password,
});
export type SetupRequest = z.infer<typeof SetupRequest>;

export const LoginRequest = z.object({
  email: Email,
  password: z.string({ error: 'Password is required' }).check(z.minLength(1), z.maxLength(200)),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SchoolCreate = z.object({ name: plainText('School name', 1, 120) });

export const InviteCreate = z.object({
  /** null with role district_admin invites a district admin. */
  schoolId: z.nullable(z.uuid()),
  role: z.enum([...schoolRoles, 'district_admin']),
  name: z.optional(PersonName),
  email: z.optional(Email),
});
export type InviteCreate = z.infer<typeof InviteCreate>;

export const AcceptInvite = z.object({
  token: Token,
  name: PersonName,
  email: Email,
  password: Password,
});
export type AcceptInvite = z.infer<typeof AcceptInvite>;

export const Membership = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  role: SchoolRole,
});
export type Membership = z.infer<typeof Membership>;

export const SchoolRef = z.object({ id: z.uuid(), name: z.string() });
export type SchoolRef = z.infer<typeof SchoolRef>;

/** Who is signed in, and where they may do what. */
export const Me = z.object({
  user: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    districtAdmin: z.boolean(),
  }),
  memberships: z.array(Membership),
  /**
   * The schools this person records in: their own, or every school for a district
   * admin. Absent in accounts saved by earlier builds.
   */
  schools: z.optional(z.array(SchoolRef)),
});
export type Me = z.infer<typeof Me>;

/**
 * What decides which records a person may read: their district role and schools.
 * When it changes, records of a newly joined school may sit below the device's pull
 * cursor, so the device pulls again from the start.
 */
export const accessKeyOf = (me: Pick<Me, 'user' | 'memberships'>): string =>
  [
    me.user.districtAdmin ? 'district' : 'staff',
    ...me.memberships.map((m) => m.schoolId).sort(),
  ].join(' ');

/** The schools a person records observations in, from what the device knows. */
export const schoolsOf = (me: Pick<Me, 'memberships' | 'schools'>): SchoolRef[] =>
  me.schools ?? me.memberships.map((m) => ({ id: m.schoolId, name: m.schoolName }));
