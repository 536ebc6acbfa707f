import { useLiveQuery } from './live';
import { getProtocolVersion, listProtocolFamilies, usableProtocols } from './protocols';
import type { Store } from './store';

// Live reads of the protocol library, kept out of the store so the protocol code
// loads with the screens that use it, never with the first screen.

export const useProtocolFamilies = (store: Store) =>
  useLiveQuery(() => listProtocolFamilies(store.db), []);

export const useProtocolVersion = (store: Store, id: string, version: number) =>
  useLiveQuery(() => getProtocolVersion(store.db, id, version), [id, version]);

export const useUsableProtocols = (store: Store) =>
  useLiveQuery(() => usableProtocols(store.db), []);
