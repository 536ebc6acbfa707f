import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { useServices } from '../app-context';
import type { Scope } from './SignOutPanel';

type Panel = ComponentType<{ scope: Scope; onDone: () => void }>;
let loaded: Panel | null = null;

/**
 * The signed-in person's name and the ways out. What signing out does (the check
 * for unsent notes, the export offer, the calls to the server) loads on the tap.
 */
export function SignOut() {
  const { store } = useServices();
  const [request, setRequest] = useState<{ scope: Scope; n: number } | null>(null);
  const [Panel, setPanel] = useState<Panel | null>(() => loaded);
  const ask = (scope: Scope) => {
    setRequest((r) => ({ scope, n: (r?.n ?? 0) + 1 }));
    if (!loaded) {
      void import('./SignOutPanel').then((m) => {
        loaded = m.SignOutPanel;
        setPanel(() => m.SignOutPanel);
      });
    }
  };
  return (
    <div class="sign-out">
      <span class="who">{store.user.name}</span>
      <a class="button quiet" href="/api/me/export" download="lookfor-my-data.json">
        My data
      </a>
      <button type="button" class="button quiet" onClick={() => ask('here')}>
        Sign out
      </button>
      <button type="button" class="button quiet" onClick={() => ask('everywhere')}>
        Sign out everywhere
      </button>
      {request && Panel && (
        <Panel key={request.n} scope={request.scope} onDone={() => setRequest(null)} />
      )}
    </div>
  );
}
