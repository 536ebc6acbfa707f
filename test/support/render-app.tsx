import { render } from '@testing-library/preact';
import { openLookforDb, type LookforDb } from '../../src/client/data/db';
import { createStore, type StoreUser } from '../../src/client/data/store';
import { createScheduler } from '../../src/client/sync/scheduler';
import { AppContext, type AppServices } from '../../src/client/ui/app-context';
import { App } from '../../src/client/ui/shell/App';
import { createSaveProblem } from '../../src/client/ui/shell/save-problem';
import { TEST_SCHOOL_ID, TEST_USER_ID } from './factories';

export interface RenderedApp {
  db: LookforDb;
  saves: () => number;
}

/** The whole app on a fresh device database, offline, with a fixed clock. */
export function renderApp(
  hash = '#/',
  now = () => new Date('2026-11-23T09:30:00Z'),
  user: Partial<StoreUser> = {},
): RenderedApp {
  window.location.hash = hash;
  const db = openLookforDb(`ui-${crypto.randomUUID()}`);
  let saves = 0;
  const saveProblem = createSaveProblem();
  const scheduler = createScheduler({
    run: async () => ({ ok: false, reason: 'offline', message: 'no connection' }),
    random: () => 0.5,
    setTimer: () => null,
    clearTimer: () => undefined,
    now: () => 0,
    isOnline: () => false,
  });
  const services: AppServices = {
    store: createStore(
      db,
      now,
      {
        onSaved: () => (saves += 1),
        onSaveFailed: (message) => saveProblem.report(message),
      },
      {
        id: TEST_USER_ID,
        name: 'Coach Rivera',
        email: 'rivera@lookfor.test',
        districtAdmin: true,
        memberships: [],
        schools: [{ id: TEST_SCHOOL_ID, name: 'Lincoln Elementary' }],
        ...user,
      },
    ),
    scheduler,
    now,
    saveProblem,
  };
  render(
    <AppContext.Provider value={services}>
      <App />
    </AppContext.Provider>,
  );
  return { db, saves: () => saves };
}
