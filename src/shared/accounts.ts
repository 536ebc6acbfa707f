import * as z from 'zod/mini';

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

export const Membership = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  role: SchoolRole,
});
export type Membership = z.infer<typeof Membership>;

export const SchoolRef = z.object({
  id: z.uuid(),
  name: z.string(),
  /** false when the school has turned photos off (the app hides "Add photo"); absent: on. */
  photosAllowed: z.optional(z.boolean()),
});
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
