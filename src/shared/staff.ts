import * as z from 'zod/mini';
import { SchoolRole } from './accounts';

/** One person on a school's staff, as a round planner sees them: no email, no login details. */
export const StaffMember = z.object({ userId: z.uuid(), name: z.string(), role: SchoolRole });
export type StaffMember = z.infer<typeof StaffMember>;

/** `GET /api/schools/:id/staff`, kept on the device so planning works offline. */
export const StaffList = z.object({
  schoolId: z.uuid(),
  staff: z.array(StaffMember),
  fetchedAt: z.string(),
});
export type StaffList = z.infer<typeof StaffList>;
