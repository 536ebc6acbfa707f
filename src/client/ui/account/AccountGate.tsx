import { lazyScreen } from '../shell/lazy';
import { useRoute } from '../shell/route';

// Loaded on first use (and precached), keeping the first screen within budget.
const SetupScreen = lazyScreen(() => import('./AccountScreens').then((m) => m.SetupScreen));
const InviteScreen = lazyScreen(() => import('./AccountScreens').then((m) => m.InviteScreen));
const SignInScreen = lazyScreen(() => import('./AccountScreens').then((m) => m.SignInScreen));
const ForgotPasswordScreen = lazyScreen(() =>
  import('./PasswordResetScreens').then((m) => m.ForgotPasswordScreen),
);
const ResetPasswordScreen = lazyScreen(() =>
  import('./PasswordResetScreens').then((m) => m.ResetPasswordScreen),
);

/** What a device with nobody signed in shows: set-up and invite links, or sign-in. */
export function AccountGate({ banner }: { banner?: preact.ComponentChildren }) {
  const route = useRoute();
  return (
    <>
      <header class="app-header">
        <h1>
          <a href="#/">Lookfor</a>
        </h1>
      </header>
      <div class="toasts">{banner}</div>
      <main id="content" tabIndex={-1}>
        {route.name === 'setup' ? (
          <SetupScreen token={route.token} />
        ) : route.name === 'invite' ? (
          <InviteScreen token={route.token} />
        ) : route.name === 'forgot' ? (
          <ForgotPasswordScreen />
        ) : route.name === 'reset' ? (
          <ResetPasswordScreen token={route.token} />
        ) : (
          <SignInScreen />
        )}
      </main>
    </>
  );
}
