import { SignInOptions, ssoRefusals, type SsoRefusal } from '../../shared/sign-in-options';

/** What the sign-in screen offers; passwords only when the server cannot be asked. */
export async function loadSignInOptions(): Promise<SignInOptions> {
  try {
    const response = await fetch('/api/auth/sign-in-options', { cache: 'no-store' });
    const parsed = SignInOptions.safeParse(await response.json());
    if (parsed.success) return parsed.data;
  } catch {
    // Offline: the password form still signs in once the connection is back.
  }
  return { sso: null, passwords: true };
}

/** `#/signin/sso/<code>`: where the server sends the browser back after single sign-on. */
export function ssoOutcome(hash: string): 'done' | SsoRefusal | null {
  const code = /^#\/signin\/sso\/([a-z]+)$/.exec(hash)?.[1];
  if (!code) return null;
  if (code === 'done') return 'done';
  return code in ssoRefusals ? (code as SsoRefusal) : 'failed';
}
