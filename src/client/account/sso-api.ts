import { SignInOptions, ssoRefusals, type SsoRefusal } from '../../shared/sign-in-options';

/** What the sign-in screen offers; passwords only when the server cannot be asked. */
export async function loadSignInOptions(): Promise<SignInOptions> {
  // The API client loads with the first call, off the first screen's JavaScript.
  const { api } = await import('../api/client');
  const answer = await api(SignInOptions, '/api/auth/sign-in-options');
  // Offline, or an answer this app cannot read: the password form still signs in.
  return answer.ok ? answer.value : { sso: null, passwords: true };
}

/** `#/signin/sso/<code>`: where the server sends the browser back after single sign-on. */
export function ssoOutcome(hash: string): 'done' | SsoRefusal | null {
  const code = /^#\/signin\/sso\/([a-z]+)$/.exec(hash)?.[1];
  if (!code) return null;
  if (code === 'done') return 'done';
  return code in ssoRefusals ? (code as SsoRefusal) : 'failed';
}
