import { get, set } from 'idb-keyval';

/**
 * Small preferences a returning coach expects remembered (last school, own name).
 * idb-keyval keeps its own database: never use it for notes or sync state.
 */
export interface Prefs {
  /** The school chosen last, by id. */
  schoolId: string;
  school: string;
  observer: string;
  /** The protocol the observer used last. */
  protocolId: string;
  /** The Blast Walkthrough round walked last. */
  roundId: string;
}

const KEY = 'lookfor-prefs';

export async function loadPrefs(): Promise<Prefs> {
  const stored: unknown = await get(KEY).catch(() => undefined);
  const value = typeof stored === 'object' && stored !== null ? stored : {};
  const read = (key: keyof Prefs) => {
    const v: unknown = (value as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : '';
  };
  return {
    schoolId: read('schoolId'),
    school: read('school'),
    observer: read('observer'),
    protocolId: read('protocolId'),
    roundId: read('roundId'),
  };
}

export async function savePrefs(prefs: Prefs): Promise<void> {
  await set(KEY, prefs).catch(() => undefined);
}

/** Changes some preferences and keeps the rest. */
export async function updatePrefs(change: Partial<Prefs>): Promise<void> {
  await savePrefs({ ...(await loadPrefs()), ...change });
}
