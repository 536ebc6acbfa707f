import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { useServices } from '../app-context';
import { useDisclosure } from '../shell/use-disclosure';
import type { Scope } from './SignOutPanel';
import './account.css';

type Panel = ComponentType<{ scope: Scope; onDone: () => void }>;
let loaded: Panel | null = null;

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('') || '?';

/**
 * The account menu: who is signed in, their data, and the ways out, behind one button
 * so the bar stays one row. What signing out does (the check for unsent notes, the
 * export offer, the calls to the server) loads on the tap.
 */
export function AccountMenu() {
  const { store } = useServices();
  const menu = useDisclosure('account-menu');
  const [request, setRequest] = useState<{ scope: Scope; n: number } | null>(null);
  const [Panel, setPanel] = useState<Panel | null>(() => loaded);
  const ask = (scope: Scope) => {
    menu.close();
    setRequest((r) => ({ scope, n: (r?.n ?? 0) + 1 }));
    if (!loaded) {
      void import('./SignOutPanel').then((m) => {
        loaded = m.SignOutPanel;
        setPanel(() => m.SignOutPanel);
      });
    }
  };
  return (
    <div class="account" ref={menu.root}>
      <button {...menu.buttonProps} class="account-button">
        <span aria-hidden="true">{initials(store.user.name)}</span>
        <span class="visually-hidden">Account: {store.user.name}</span>
      </button>
      <div {...menu.panelProps} class="popover account-menu">
        <p class="who">
          {store.user.name}
          <span class="muted">{store.user.email}</span>
        </p>
        <a
          class="button quiet"
          href="/api/me/export"
          download="lookfor-my-data.json"
          onClick={menu.close}
        >
          My data
        </a>
        <button type="button" class="button quiet" onClick={() => ask('here')}>
          Sign out
        </button>
        <button type="button" class="button quiet" onClick={() => ask('everywhere')}>
          Sign out everywhere
        </button>
      </div>
      {request && Panel && (
        <Panel key={request.n} scope={request.scope} onDone={() => setRequest(null)} />
      )}
    </div>
  );
}
