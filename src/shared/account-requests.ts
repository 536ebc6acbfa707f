import * as z from 'zod/mini';
import { schoolRoles } from './accounts';
import { plainText } from './text-rules';

// What people type into the account forms. Kept apart from `accounts.ts`, which the
// first screen loads, so these schemas load only with the forms and the server.

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

/** "Forgot password?": the same answer whether or not an account has this email. */
export const PasswordResetRequest = z.object({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** The emailed link's secret and the new password. */
export const PasswordResetConfirm = z.object({ token: Token, password: Password });
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirm>;
