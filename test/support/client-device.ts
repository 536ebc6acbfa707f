import { openLookforDb, type LookforDb } from '../../src/client/data/db';
import { syncOnce, type EngineDeps, type SyncOutcome } from '../../src/client/sync/engine';
import type { TestServer } from './server-app';

export interface Device {
  db: LookforDb;
  /** Replace to simulate the network: by default every request reaches the app in-process. */
  fetch: typeof fetch;
  requests: string[];
  sync: (overrides?: Partial<EngineDeps>) => Promise<SyncOutcome>;
  close: () => void;
}

/**
 * A tablet: its own IndexedDB (fake-indexeddb) and a sync engine wired to the real app,
 * signed in with `cookie` (by default the test server's own user).
 */
export function device(server: TestServer, cookie?: string): Device {
  const db = openLookforDb(`device-${crypto.randomUUID()}`);
  const requests: string[] = [];
  const dev: Device = {
    db,
    requests,
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      requests.push(url);
      const headers = new Headers(init?.headers);
      headers.set('cookie', cookie ?? (await server.cookie()));
      return server.app.request(url, { ...init, headers });
    },
    sync: (overrides = {}) =>
      syncOnce({
        db,
        fetch: (input, init) => dev.fetch(input, init),
        baseUrl: 'http://lookfor.test',
        now: () => new Date('2026-11-23T10:00:00Z'),
        runExclusive: (task) => task(),
        ...overrides,
      }),
    close: () => db.close(),
  };
  return dev;
}
