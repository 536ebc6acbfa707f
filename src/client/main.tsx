// Tokens and the global base first: every feature stylesheet comes after them.
import './ui/tokens.css';
import './ui/base.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { fetchMe } from './account/api';
import { accessKeyOf, schoolsOf } from '../shared/accounts';
import { databaseNameFor, loadAccount, saveAccount } from './data/account';
import { openLookforDb } from './data/db';
import { pullAgainIfAccessChanged } from './data/meta';
import { requestPersistence } from './data/storage';
import { createStore } from './data/store';
import type { PwaState } from './pwa/register';
import type { PwaBanner as PwaBannerType } from './ui/shell/PwaBanner';
import { startSync } from './sync/runtime';
import { lazyScreen } from './ui/shell/lazy';
import { AppContext, type AppServices } from './ui/app-context';
import { App } from './ui/shell/App';
import { createSaveProblem } from './ui/shell/save-problem';

function usePwa() {
  const [pwa, setPwa] = useState<{
    state: PwaState;
    apply: () => Promise<void>;
    Banner: typeof PwaBannerType;
  } | null>(null);
  useEffect(() => {
    // Loaded after the first screen so it never slows the app's start; the banner too,
    // since it only shows once the service worker reports.
    void Promise.all([import('./pwa/register'), import('./ui/shell/PwaBanner')]).then(
      ([{ registerServiceWorker }, { PwaBanner }]) =>
        registerServiceWorker((state, apply) => setPwa({ state, apply, Banner: PwaBanner })),
    );
    void requestPersistence();
  }, []);
  return pwa && <pwa.Banner state={pwa.state} applyUpdate={pwa.apply} />;
}

// Signed-out screens load on first use (and are precached): a signed-in tablet, the
// usual case, never pays for them, and the first screen stays within its budget.
const AccountGate = lazyScreen(() => import('./ui/account/AccountGate').then((m) => m.AccountGate));

function SignedOut() {
  const banner = usePwa();
  return <AccountGate banner={banner} />;
}

function SignedIn({ services }: { services: AppServices }) {
  const banner = usePwa();
  return (
    <AppContext.Provider value={services}>
      <App banner={banner} />
    </AppContext.Provider>
  );
}

async function boot(root: HTMLElement) {
  const account = await loadAccount();
  if (!account) {
    render(<SignedOut />, root);
    return;
  }
  // Each user's notes live in a database of their own: switching user never shows
  // another user's notes, and signing out deletes nothing.
  const db = openLookforDb(databaseNameFor(account.user.id));
  const now = () => new Date();
  const scheduler = startSync(db);
  const saveProblem = createSaveProblem();
  const services: AppServices = {
    store: createStore(
      db,
      now,
      {
        onSaved: () => scheduler.noteSaved(),
        onSaveFailed: (message) => saveProblem.report(message),
      },
      { ...account.user, memberships: account.memberships, schools: schoolsOf(account) },
    ),
    scheduler,
    now,
    saveProblem,
  };
  render(<SignedIn services={services} />, root);
  // Refresh roles when online; an ended session shows through sync's own 401.
  await pullAgainIfAccessChanged(db, accessKeyOf(account));
  const me = await fetchMe();
  if (typeof me !== 'string' && me.user.id === account.user.id) {
    await saveAccount(me);
    if (await pullAgainIfAccessChanged(db, accessKeyOf(me))) void scheduler.trigger();
  }
}

void boot(document.getElementById('app')!);
