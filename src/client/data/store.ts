import type { ObservationSetup, Observation } from '../../shared/observation';
import type { Protocol } from '../../shared/protocol';
import type { LookforDb } from './db';
import { useLiveQuery } from './live';
import { readSyncMeta } from './meta';
import {
  getObservation,
  keepVersion,
  listObservations,
  outboxCounts,
  startObservation,
  updateObservation,
  unsentExport,
} from './observations';
import { withReconnect } from './reconnect';
import { trackWrite } from './write-tracker';

export interface StoreEvents {
  /** A write reached IndexedDB: time to think about syncing. */
  onSaved: () => void;
  /** A write failed even after reopening the database: the user must be told. */
  onSaveFailed: (message: string) => void;
}

/**
 * What the screens may do with this device's data. Components get it from context
 * and never see Dexie; every write is tracked so an update waits for it.
 */
export function createStore(db: LookforDb, now: () => Date, events: StoreEvents) {
  // Resolves to null when the write failed; the failure has then been reported, so
  // fire-and-forget callers (a tap) need no handler of their own.
  const saved = <T>(write: () => Promise<T>): Promise<T | null> =>
    trackWrite(withReconnect(db, write)).then(
      (value) => {
        events.onSaved();
        return value;
      },
      (error: unknown) => {
        events.onSaveFailed(error instanceof Error ? error.message : String(error));
        return null;
      },
    );
  const done = () => true as const;
  return {
    db,
    start: (setup: ObservationSetup, protocol: Protocol) =>
      saved(() => startObservation(db, setup, protocol, now())),
    update: (id: string, change: (current: Observation) => Observation) =>
      saved(() => updateObservation(db, id, change, now()).then(done)),
    keepVersion: (chosen: Observation, conflictIds: string[]) =>
      saved(() => keepVersion(db, chosen, conflictIds, now()).then(done)),
    exportUnsent: () => unsentExport(db, now()),
    useObservations: () => useLiveQuery(() => listObservations(db), []),
    useObservation: (id: string) => useLiveQuery(() => getObservation(db, id), [id]),
    useOutboxCounts: () => useLiveQuery(() => outboxCounts(db), []),
    useSyncMeta: () => useLiveQuery(() => readSyncMeta(db), []),
  };
}

export type Store = ReturnType<typeof createStore>;
