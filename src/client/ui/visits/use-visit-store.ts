import { useMemo } from 'preact/hooks';
import { visitStore, type VisitStore } from '../../data/visit-store';
import { useServices } from '../app-context';

/** The visit data functions, made when the visit screens first load (off the first screen). */
export function useVisitStore(): VisitStore {
  const { store, now } = useServices();
  return useMemo(() => visitStore(store.db, now, store.saved, store.user), [store, now]);
}
