import * as z from 'zod/mini';
import { SchoolRole } from '../accounts';
import { MappingTarget, RoleMapping } from './roles';

export const RosterProblem = z.object({
  file: z.string(),
  line: z.number(),
  field: z.string(),
  message: z.string(),
});

export const PlannedAssignment = z.object({
  schoolSourceId: z.string(),
  schoolName: z.string(),
  role: SchoolRole,
});
export type PlannedAssignment = z.infer<typeof PlannedAssignment>;

export const PlannedPerson = z.object({
  sourceId: z.string(),
  name: z.string(),
  email: z.string(),
  assignments: z.array(PlannedAssignment),
  /** An account with this email that the roster adopts instead of inviting. */
  existingUserId: z.nullable(z.string()),
});
export type PlannedPerson = z.infer<typeof PlannedPerson>;

export const PersonChange = z.object({
  ...PlannedPerson.shape,
  /** What changes, in words: "name: Ana Diaz → Ana Lopez", "Lincoln: teacher → principal". */
  changes: z.array(z.string()),
  reactivate: z.boolean(),
});
export type PersonChange = z.infer<typeof PersonChange>;

export const PersonLeaving = z.object({
  sourceId: z.string(),
  name: z.string(),
  email: z.string(),
});
export type PersonLeaving = z.infer<typeof PersonLeaving>;

const FileModeSchema = z.enum(['bulk', 'delta', 'absent']);

/** What an import will do, shown before anything is written and applied exactly. */
export const RosterPlan = z.object({
  version: z.enum(['1.1', '1.2']),
  modes: z.object({ orgs: FileModeSchema, users: FileModeSchema }),
  schools: z.object({
    add: z.array(z.object({ sourceId: z.string(), name: z.string() })),
    link: z.array(z.object({ sourceId: z.string(), schoolId: z.string(), name: z.string() })),
    rename: z.array(
      z.object({ sourceId: z.string(), schoolId: z.string(), from: z.string(), to: z.string() }),
    ),
  }),
  add: z.array(PlannedPerson),
  change: z.array(PersonChange),
  deactivate: z.array(PersonLeaving),
  unchanged: z.number(),
  skipped: z.object({ students: z.number(), staff: z.number() }),
});
export type RosterPlan = z.infer<typeof RosterPlan>;

/** The files of an export (by name) and the role mapping, as the admin screen sends them. */
export const RosterImportRequest = z.object({
  files: z.object({
    'manifest.csv': z.optional(z.string()),
    'orgs.csv': z.optional(z.string()),
    'users.csv': z.optional(z.string()),
    'roles.csv': z.optional(z.string()),
  }),
  mapping: RoleMapping,
  /** Import only: the plan id the dry run answered, so exactly that plan is applied. */
  planId: z.optional(z.string().check(z.maxLength(100))),
});
export type RosterImportRequest = z.infer<typeof RosterImportRequest>;

/** The dry run's answer: the plan and its id, or every problem found. */
export const RosterDryRun = z.object({
  ok: z.boolean(),
  planId: z.nullable(z.string()),
  plan: z.nullable(RosterPlan),
  problems: z.array(RosterProblem),
});
export type RosterDryRun = z.infer<typeof RosterDryRun>;

export const RosterImported = z.object({
  plan: RosterPlan,
  invites: z.array(
    z.object({ sourceId: z.string(), name: z.string(), email: z.string(), link: z.string() }),
  ),
  emailOn: z.boolean(),
});
export type RosterImported = z.infer<typeof RosterImported>;

export { MappingTarget };
