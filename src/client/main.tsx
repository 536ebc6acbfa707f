import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { openLookforDb } from './data/db';
import { requestPersistence } from './data/storage';
import { createStore } from './data/store';
import type { PwaState } from './pwa/register';
import { startSync } from './sync/runtime';
import { AppContext, type AppServices } from './ui/app-context';
import { App } from './ui/shell/App';
import { PwaBanner } from './ui/shell/PwaBanner';
import { createSaveProblem } from './ui/shell/save-problem';
import './ui/styles.css';

const db = openLookforDb();
const now = () => new Date();
const scheduler = startSync(db);
const saveProblem = createSaveProblem();
const services: AppServices = {
  store: createStore(db, now, {
    onSaved: () => scheduler.noteSaved(),
    onSaveFailed: (message) => saveProblem.report(message),
  }),
  scheduler,
  now,
  saveProblem,
};

function Root() {
  const [pwa, setPwa] = useState<{ state: PwaState; apply: () => Promise<void> } | null>(null);
  useEffect(() => {
    // Loaded after the first screen so it never slows the app's start.
    void import('./pwa/register').then(({ registerServiceWorker }) =>
      registerServiceWorker((state, apply) => setPwa({ state, apply })),
    );
    void requestPersistence();
  }, []);
  return (
    <AppContext.Provider value={services}>
      <App banner={pwa && <PwaBanner state={pwa.state} applyUpdate={pwa.apply} />} />
    </AppContext.Provider>
  );
}

render(<Root />, document.getElementById('app')!);
