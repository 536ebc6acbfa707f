// The bench page: the app's own data layer and sync engine, and PouchDB, in one
// page; the runner calls these through window.bench.
import PouchDB from 'pouchdb-browser';
import { openLookforDb } from '../../../src/client/data/db';
import { saveObservation } from '../../../src/client/data/observations';
import { syncOnce } from '../../../src/client/sync/engine';
import { makeObservation } from '../observations';

const now = new Date('2026-11-23T09:01:00.000Z');

export const bench = {
  /** Writes n finished observations as the capture screen saves them: one transaction each. */
  async lookforWrite(name: string, n: number): Promise<number> {
    const db = openLookforDb(name);
    const start = performance.now();
    for (let i = 0; i < n; i += 1) await saveObservation(db, makeObservation(i), now);
    const took = performance.now() - start;
    db.close();
    return took;
  },
  /** One run of the real sync engine against the page's own origin. */
  async lookforSync(name: string) {
    const db = openLookforDb(name);
    // Time spent waiting on the server, by route, to tell the server's share from the device's.
    const waited = { push: 0, pull: 0 };
    const timedFetch: typeof fetch = async (input, init) => {
      const begin = performance.now();
      const response = await fetch(input, init);
      await response.clone().arrayBuffer();
      waited[String(input).includes('/push') ? 'push' : 'pull'] += performance.now() - begin;
      return response;
    };
    const start = performance.now();
    const outcome = await syncOnce({
      db,
      fetch: timedFetch,
      baseUrl: '',
      now: () => new Date(),
      runExclusive: (task) => task(),
    });
    const took = performance.now() - start;
    const left = await db.outbox.count();
    db.close();
    return { took, outcome, left, waited };
  },
  /** Writes n observation documents into PouchDB's IndexedDB adapter, one put each. */
  async pouchWrite(name: string, n: number): Promise<number> {
    const db = new PouchDB(name);
    const start = performance.now();
    for (let i = 0; i < n; i += 1) {
      const o = makeObservation(i);
      await db.put({ _id: o.id, ...o });
    }
    const took = performance.now() - start;
    await db.close();
    return took;
  },
  /** One-way replication to the CouchDB-protocol server. */
  async pouchReplicate(name: string, remote: string) {
    const db = new PouchDB(name);
    const start = performance.now();
    const result = await db.replicate.to(remote);
    const took = performance.now() - start;
    await db.close();
    return { took, written: result.docs_written, failures: result.doc_write_failures };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
