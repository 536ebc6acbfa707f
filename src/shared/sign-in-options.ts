import * as z from 'zod/mini';

/**
 * `GET /api/auth/sign-in-options`: what the sign-in screen offers. Kept apart from the
 * account forms so the first screen loads only this.
 */
export const SignInOptions = z.object({
  /** "Sign in with <label>", when single sign-on is set up; null otherwise. */
  sso: z.nullable(z.object({ label: z.string() })),
  /** False when the district turned password sign-in off. */
  passwords: z.boolean(),
});
export type SignInOptions = z.infer<typeof SignInOptions>;

/** Why an SSO sign-in was refused, as the sign-in screen is told (`#/signin?sso=<code>`). */
export const ssoRefusals = {
  unverified: 'Your identity provider has not verified this email address.',
  domain: 'This email domain may not sign in here.',
  unknown: 'There is no Lookfor account for this email. Ask your principal or admin to invite you.',
  deactivated: 'This account has been deactivated; ask your district admin if you need it again.',
  failed: 'Single sign-on did not complete. Try again.',
  off: 'Single sign-on is not set up on this server.',
} as const;
export type SsoRefusal = keyof typeof ssoRefusals;

/** Whether an email's domain may sign in by SSO (no list: any member's address). */
export function domainAllowed(allowedDomains: readonly string[], email: string): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return allowedDomains.includes(domain);
}
