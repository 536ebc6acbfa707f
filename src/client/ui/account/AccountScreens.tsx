import { acceptInvite, fetchMe, setUp, signIn, type ApiResult } from '../../account/api';
import { saveAccount } from '../../data/account';
import { AccountForm } from './AccountForm';
import { SsoSignIn, useSignInOptions } from './SsoSignIn';

/** After the server accepted the credentials: remember who uses the device, start afresh. */
async function remember(result: ApiResult): Promise<ApiResult> {
  if (!result.ok) return result;
  const me = await fetchMe();
  if (typeof me === 'string')
    return {
      ok: false,
      message: 'Signed in, but the account could not be read; try again',
      fields: {},
    };
  await saveAccount(me);
  return result;
}

const reload = () => {
  window.location.hash = '#/';
  window.location.reload();
};

const password = (label: string, autocomplete: string) => ({
  name: 'password',
  label,
  type: 'password' as const,
  autocomplete,
});

export function SignInScreen({ email = '' }: { email?: string }) {
  const options = useSignInOptions();
  if (options && !options.passwords) {
    return (
      <section class="screen account" aria-labelledby="account-title">
        <h2 id="account-title">Sign in</h2>
        <SsoSignIn options={options} />
      </section>
    );
  }
  return (
    <AccountForm
      title="Sign in"
      intro="Signing in needs a connection once; after that Lookfor works offline on this device."
      submitLabel="Sign in"
      fields={[
        { name: 'email', label: 'Email', type: 'email', autocomplete: 'username', initial: email },
        password('Password', 'current-password'),
      ]}
      submit={async (v) =>
        remember(await signIn({ email: v.email ?? '', password: v.password ?? '' }))
      }
      onDone={reload}
      footer={
        <>
          <p>
            <a class="button quiet" href="#/forgot">
              Forgot password?
            </a>
          </p>
          <SsoSignIn options={options} />
        </>
      }
    />
  );
}

type NewAccount = { token: string; name: string; email: string; password: string };

/** Set-up and invite links both make a new account from a name, an email and a password. */
function NewAccountScreen(props: {
  token: string;
  title: string;
  intro: string;
  create: (account: NewAccount) => Promise<ApiResult>;
}) {
  return (
    <AccountForm
      title={props.title}
      intro={props.intro}
      submitLabel="Create account"
      fields={[
        { name: 'name', label: 'Your name', type: 'text', autocomplete: 'name' },
        { name: 'email', label: 'Email', type: 'email', autocomplete: 'username' },
        password('Password (at least 10 characters)', 'new-password'),
      ]}
      submit={async (v) =>
        remember(
          await props.create({
            token: props.token,
            name: v.name ?? '',
            email: v.email ?? '',
            password: v.password ?? '',
          }),
        )
      }
      onDone={reload}
    />
  );
}

export function SetupScreen({ token }: { token: string }) {
  return (
    <NewAccountScreen
      token={token}
      title="Set up Lookfor"
      intro="Create the first district admin. This link works once."
      create={setUp}
    />
  );
}

export function InviteScreen({ token }: { token: string }) {
  return (
    <NewAccountScreen
      token={token}
      title="Join Lookfor"
      intro="You were invited. Choose your name and a password; the link works once."
      create={acceptInvite}
    />
  );
}
