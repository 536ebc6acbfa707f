import type { Round } from '../../shared/rounds';
import { useLiveQuery } from './live';
import {
  finishAndNext,
  getRound,
  listRounds,
  roundConflicts,
  roundProgress,
  saveRound,
  startRoomVisit,
  type Walker,
} from './rounds';
import { keepVersion } from './observations';
import { cachedStaff, refreshStaff } from './staff';
import type { Store } from './store';

/**
 * What the rounds screens may do with this device's data. It extends the store
 * from the rounds chunk, so none of it weighs on the first screen.
 */
export function createRoundStore(store: Store) {
  const { db, user, saved, now } = store;
  const walker = (schoolId: string): Walker => ({
    userId: user.id,
    observer: user.name,
    school: user.schools.find((s) => s.id === schoolId)?.name ?? 'School',
  });
  // A district admin sees every school's rounds; everyone else their own schools'.
  const schools = () => (user.districtAdmin ? null : user.memberships.map((m) => m.schoolId));
  return {
    saveRound: (round: Round) => saved(() => saveRound(db, round, now())),
    startRoomVisit: (round: Round, roomId: string) =>
      saved(() => startRoomVisit(db, round, roomId, walker(round.schoolId), now())),
    /** Finishes the visit and starts the next room of my queue in one write; null at the end. */
    finishAndNext: (round: Round, visitId: string) =>
      saved(() => finishAndNext(db, round, visitId, walker(round.schoolId), now())),
    refreshStaff: (schoolId: string) => refreshStaff(db, schoolId, (i, init) => fetch(i, init)),
    useStaff: (schoolId: string) => useLiveQuery(() => cachedStaff(db, schoolId), [schoolId]),
    useRounds: () => useLiveQuery(() => listRounds(db, schools()), []),
    useRound: (id: string) => useLiveQuery(() => getRound(db, id), [id]),
    useRoundConflicts: (id: string) => useLiveQuery(() => roundConflicts(db, id), [id]),
    /** Settles a conflict: the chosen plan is saved and every open sibling is resolved. */
    keepRoundVersion: (chosen: Round, conflictIds: string[]) =>
      saved(() => keepVersion(db, 'round', chosen.id, chosen, conflictIds, now())),
    useRoundProgress: (id: string) => useLiveQuery(() => roundProgress(db, id, user.id), [id]),
  };
}

export type RoundStore = ReturnType<typeof createRoundStore>;

const made = new WeakMap<Store, RoundStore>();

/** One round store per store. */
export function roundStoreOf(store: Store): RoundStore {
  let rounds = made.get(store);
  if (!rounds) made.set(store, (rounds = createRoundStore(store)));
  return rounds;
}
