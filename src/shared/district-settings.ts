import * as z from 'zod/mini';

/** `GET`/`PUT /api/settings/sign-in`: how staff sign in to this district. */
export const SignInSettings = z.object({
  passwords: z.boolean({ error: 'Say whether passwords stay on (true or false)' }),
});
export type SignInSettings = z.infer<typeof SignInSettings>;
