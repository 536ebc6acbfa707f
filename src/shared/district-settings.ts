import * as z from 'zod/mini';

/** `GET`/`PUT /api/settings/sign-in`: how staff sign in to this district. */
export const SignInSettings = z.object({
  passwords: z.boolean({ error: 'Say whether passwords stay on (true or false)' }),
});
export type SignInSettings = z.infer<typeof SignInSettings>;

/** A person who could no longer sign in with passwords off (their address is outside SSO's domains). */
export const LockedOutPerson = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type LockedOutPerson = z.infer<typeof LockedOutPerson>;

/**
 * `GET /api/settings/sign-in`: the setting, the single sign-on the server has (null:
 * none, so passwords cannot be turned off), and who would be locked out without
 * passwords: active people whose address is outside SSO's allowed domains.
 */
export const SignInSettingsAnswer = z.object({
  passwords: z.boolean(),
  sso: z.nullable(z.object({ label: z.string(), allowedDomains: z.array(z.string()) })),
  outsideDomains: z.array(LockedOutPerson),
});
export type SignInSettingsAnswer = z.infer<typeof SignInSettingsAnswer>;
