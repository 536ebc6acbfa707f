import { useEffect, useState } from 'preact/hooks';
import { ssoRefusals, type SignInOptions } from '../../../shared/sign-in-options';
import { fetchMe } from '../../account/api';
import { loadSignInOptions, ssoOutcome } from '../../account/sso-api';
import { saveAccount } from '../../data/account';

/**
 * The sign-in screen's options: null while asked. When single sign-on brought the
 * browser back signed in, the account is remembered on the device and the app opens.
 */
export function useSignInOptions(): SignInOptions | null {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    void loadSignInOptions().then(setOptions);
    if (ssoOutcome(window.location.hash) === 'done') {
      void fetchMe().then(async (me) => {
        if (typeof me === 'string') return;
        await saveAccount(me);
        window.location.hash = '#/';
        window.location.reload();
      });
    }
  }, []);
  return options;
}

/** "Sign in with <label>", and why the last single sign-on was refused. */
export function SsoSignIn({ options }: { options: SignInOptions | null }) {
  const outcome = ssoOutcome(window.location.hash);
  return (
    <>
      {outcome && outcome !== 'done' && (
        <p class="banner attention" role="alert">
          {ssoRefusals[outcome]}
        </p>
      )}
      {options?.sso && (
        <p>
          <a class="button primary" href="/api/auth/sso/start">
            Sign in with {options.sso.label}
          </a>
        </p>
      )}
      {options && !options.passwords && (
        <p class="muted">Password sign-in is turned off for this district.</p>
      )}
    </>
  );
}
