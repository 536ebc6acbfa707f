import { useState } from 'preact/hooks';
import { confirmPasswordReset, requestPasswordReset } from '../../account/api';
import { AccountForm } from './AccountForm';

function Done({ title, children }: { title: string; children: preact.ComponentChildren }) {
  return (
    <section class="screen account" aria-labelledby="account-title">
      <h2 id="account-title">{title}</h2>
      <p role="status">{children}</p>
      <p>
        <a class="button primary" href="#/signin">
          Back to sign in
        </a>
      </p>
    </section>
  );
}

/** "Forgot password?": asks for a link by email; the answer never says whether the account exists. */
export function ForgotPasswordScreen() {
  const [sent, setSent] = useState<{ emailOn: boolean } | null>(null);
  if (sent) {
    return (
      <Done title="Check your email">
        {sent.emailOn
          ? 'If an account has that email, a link to choose a new password is on its way. It works once, for one hour.'
          : 'Email is off on this server, so no link can be sent. Ask your district admin for help.'}
      </Done>
    );
  }
  return (
    <AccountForm
      title="Forgot password?"
      intro="Enter the email you sign in with. We will email you a link to choose a new password."
      submitLabel="Email me a link"
      fields={[{ name: 'email', label: 'Email', type: 'email', autocomplete: 'username' }]}
      submit={async (v) => {
        const result = await requestPasswordReset(v.email ?? '');
        if (result.ok) setSent({ emailOn: result.emailOn !== false });
        return result;
      }}
      onDone={() => undefined}
    />
  );
}

/** The emailed link: a new password, then sign in again (every device was signed out). */
export function ResetPasswordScreen({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <Done title="Password changed">
        Your password is changed and every device was signed out. Sign in with the new password.
      </Done>
    );
  }
  return (
    <AccountForm
      title="Choose a new password"
      intro="This link works once, for one hour. Saving signs you out on every device."
      submitLabel="Save new password"
      fields={[
        {
          name: 'password',
          label: 'New password (at least 10 characters)',
          type: 'password',
          autocomplete: 'new-password',
        },
      ]}
      submit={(v) => confirmPasswordReset({ token, password: v.password ?? '' })}
      onDone={() => setDone(true)}
    />
  );
}
