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
  };
}

export async function savePrefs(prefs: Prefs): Promise<void> {
  await set(KEY, prefs).catch(() => undefined);
}
