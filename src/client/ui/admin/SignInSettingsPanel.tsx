import { useEffect, useState } from 'preact/hooks';
import { useReadyToReveal } from '../shell/reveal-together';
import type { SignInSettingsAnswer } from '../../../shared/district-settings';
import { loadSignInSettings, setPasswords } from '../../account/district-api';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';

const SHOWN = 20;

/**
 * Password sign-in on or off, for district admins. Off needs single sign-on; the
 * confirmation names who could no longer sign in (addresses outside SSO's domains).
 */
export function SignInSettingsPanel() {
  const [settings, setSettings] = useState<SignInSettingsAnswer | null>(null);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useReadyToReveal(settings !== null || problem !== null);

  const load = async () => {
    const result = await loadSignInSettings();
    if (result.ok) setSettings(result.value);
    else setProblem(result.message);
  };
  useEffect(() => {
    void load();
  }, []);

  const change = async (passwords: boolean) => {
    setAsking(false);
    const result = await setPasswords(passwords);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    await load();
  };

  const sso = settings?.sso ?? null;
  const locked = settings?.outsideDomains ?? [];
  return (
    <section class="admin-section" aria-labelledby="sign-in-settings-title">
      <h3 id="sign-in-settings-title">Sign-in</h3>
      {settings && (
        <>
          <p>
            {sso ? `Single sign-on: ${sso.label}. ` : 'Single sign-on is not set up. '}
            Passwords are <strong>{settings.passwords ? 'on' : 'off'}</strong>.
          </p>
          {settings.passwords ? (
            sso ? (
              <button type="button" class="button" onClick={() => setAsking(true)}>
                Turn passwords off
              </button>
            ) : (
              <p class="muted">
                Passwords stay on until single sign-on is set up (OIDC_ISSUER on the server), or
                nobody could sign in.
              </p>
            )
          ) : (
            <button type="button" class="button" onClick={() => void change(true)}>
              Turn passwords back on
            </button>
          )}
        </>
      )}
      {asking && sso && (
        <ConfirmDialog
          title="Turn passwords off?"
          confirmLabel="Turn passwords off"
          onConfirm={() => void change(false)}
          onCancel={() => setAsking(false)}
        >
          <p>
            Everyone then signs in with {sso.label} only, with the same address they have in
            Lookfor. Nobody can sign in with a password or reset one.
          </p>
          {locked.length === 0 ? (
            <p>
              {sso.allowedDomains.length > 0
                ? `Every active person has an address at ${sso.allowedDomains.join(', ')}.`
                : `People without a ${sso.label} account for their address will no longer be able to sign in.`}
            </p>
          ) : (
            <>
              <p>
                {locked.length === 1 ? 'This person' : `These ${locked.length} people`} will no
                longer be able to sign in (address outside {sso.allowedDomains.join(', ')}):
              </p>
              <ul class="locked-out">
                {locked.slice(0, SHOWN).map((p) => (
                  <li key={p.id}>
                    {p.name} ({p.email})
                  </li>
                ))}
                {locked.length > SHOWN && <li>and {locked.length - SHOWN} more</li>}
              </ul>
            </>
          )}
        </ConfirmDialog>
      )}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
