import type { Membership, SchoolRef } from '../../shared/accounts';
import type { Observation, ObservationSetup } from '../../shared/observation';
import type { Protocol } from '../../shared/protocol';
import { saveSchools } from './account';
import type { LookforDb } from './db';
import { useLiveQuery } from './live';
import { readSyncMeta } from './meta';
import {
  getObservation,
  keepVersion,
  outboxCounts,
  startObservation,
  updateObservation,
} from './observations';
import { listObservationPage, type ObservationFilter } from './observation-page';
import { pullProgressShown } from './pull-progress';
import { withReconnect } from './reconnect';
import { trackWrite, writesSettled } from './write-tracker';

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
/** The signed-in user this device's data belongs to. */
export interface StoreUser {
  id: string;
  name: string;
  email: string;
  districtAdmin: boolean;
  memberships: Membership[];
  /** The schools this person records in (every school for a district admin). */
  schools: SchoolRef[];
}

export function createStore(db: LookforDb, now: () => Date, events: StoreEvents, user: StoreUser) {
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
    user,
    /** The schools changed (an admin added one): the start screen offers them at once. */
    setSchools: (schools: SchoolRef[]) => {
      user.schools = schools;
      void saveSchools(user.id, schools);
    },
    start: (setup: ObservationSetup, protocol: Protocol) =>
      saved(() => startObservation(db, setup, protocol, now(), user.id)),
    update: (id: string, change: (current: Observation) => Observation) =>
      saved(() => updateObservation(db, id, change, now()).then(done)),
    keepVersion: (chosen: Observation, conflictIds: string[]) =>
      saved(() => keepVersion(db, 'observation', chosen.id, chosen, conflictIds, now()).then(done)),
    /** Loaded on use: the export is rare, and it carries the unsent photos too. */
    exportUnsent: () => import('./unsent-export').then((m) => m.unsentExport(db, now())),
    /** Read at the moment of asking, so a tap still being saved is counted too. */
    readOutboxCounts: () => writesSettled().then(() => outboxCounts(db)),

    /** Runs a write the way every store write runs (tracked, reported when it fails). */
    saved,
    now,
    /**
     * The newest `limit` observations matching the filter, live. While a changed
     * filter or limit is being read, the last page stays, marked not `current`.
     */
    useObservationPage: (filter: ObservationFilter, limit: number) => {
      const key = JSON.stringify([filter, limit]);
      const value = useLiveQuery(
        () => listObservationPage(db, filter, limit).then((page) => ({ page, key })),
        [key],
      );
      return value && { ...value.page, current: value.key === key };
    },
    usePullProgress: () => useLiveQuery(() => pullProgressShown(db), []),
    useObservation: (id: string) => useLiveQuery(() => getObservation(db, id), [id]),
    useOutboxCounts: () => useLiveQuery(() => outboxCounts(db), []),
    useSyncMeta: () => useLiveQuery(() => readSyncMeta(db), []),
  };
}

export type Store = ReturnType<typeof createStore>;
