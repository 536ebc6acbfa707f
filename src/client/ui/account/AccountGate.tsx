import { useRoute } from '../shell/route';
import { InviteScreen, SetupScreen, SignInScreen } from './AccountScreens';

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
      {banner}
      <main>
        {route.name === 'setup' ? (
          <SetupScreen token={route.token} />
        ) : route.name === 'invite' ? (
          <InviteScreen token={route.token} />
        ) : (
          <SignInScreen />
        )}
      </main>
    </>
  );
}
