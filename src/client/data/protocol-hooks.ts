import { useLiveQuery } from './live';
import { getProtocolVersion, listProtocolFamilies, usableProtocols } from './protocols';
import type { Store } from './store';

// Live reads of the protocol library, kept out of the store so the protocol code
// loads with the screens that use it, never with the first screen.

export const useProtocolFamilies = (store: Store) =>
  useLiveQuery(() => listProtocolFamilies(store.db), []);

/**
 * One protocol version; undefined while it loads, including while the answer on hand is
 * still the one for the previous id (a screen then waits instead of showing "not on
 * this device" for a moment, which would move the page when the protocol arrives).
 */
export function useProtocolVersion(store: Store, id: string, version: number) {
  const key = `${id}@${version}`;
  const found = useLiveQuery(
    async () => ({ key, value: await getProtocolVersion(store.db, id, version) }),
    [id, version],
  );
  return found?.key === key ? found.value : undefined;
}

export const useUsableProtocols = (store: Store) =>
  useLiveQuery(() => usableProtocols(store.db), []);
