import * as z from 'zod/mini';

/**
 * Answers of the account and admin API. `GET /api/auth/me` answers a Me
 * (src/shared/accounts.ts); a school's staff a StaffList (src/shared/staff.ts).
 */

/** Sign-in, set-up, accepting an invite, password reset confirm, signing out. */
export const Done = z.object({ ok: z.literal(true) });

/** `POST /api/auth/password-reset`: whether the server can send email at all. */
export const PasswordResetAnswer = z.object({ emailOn: z.optional(z.boolean()) });

export const SchoolRow = z.object({ id: z.string(), name: z.string() });
export type SchoolRow = z.infer<typeof SchoolRow>;
export const SchoolList = z.object({ schools: z.array(SchoolRow) });

/** `POST /api/admin/invites` */
export const InviteLink = z.object({
  link: z.string(),
  expiresAt: z.string(),
  /** Whether the server queued the invite by email (SMTP_URL set and an address given). */
  emailQueued: z.optional(z.boolean()),
  emailOn: z.optional(z.boolean()),
});
export type InviteLink = z.infer<typeof InviteLink>;

export const RosterInvite = z.object({
  link: z.string(),
  expiresAt: z.string(),
  emailQueued: z.optional(z.boolean()),
  row: z.number(),
  name: z.string(),
  email: z.string(),
  school: z.string(),
  role: z.string(),
});
export type RosterInvite = z.infer<typeof RosterInvite>;
/** `POST /api/admin/roster` */
export const RosterAnswer = z.object({ invites: z.array(RosterInvite) });

/** A school as the results-sharing admin page lists it. */
export const SharingRow = z.object({
  id: z.string(),
  name: z.string(),
  shareWithStaff: z.boolean(),
  mayChangeSharing: z.boolean(),
});
export type SharingRow = z.infer<typeof SharingRow>;
export const SharingRows = z.object({ schools: z.array(SharingRow) });
