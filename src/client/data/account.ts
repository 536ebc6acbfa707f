import { del, get, set } from 'idb-keyval';
import { Me, type SchoolRef } from '../../shared/accounts';

const KEY = 'lookfor-account';

/**
 * Who uses this device now. Kept so the app opens offline as that user; each user's
 * notes live in a database of their own, so switching user never shows another's.
 */
export async function loadAccount(): Promise<Me | null> {
  const stored: unknown = await get(KEY).catch(() => undefined);
  const parsed = Me.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function saveAccount(me: Me): Promise<void> {
  await set(KEY, me);
}

/** Remembers the schools a person records in, after they changed (an admin added one). */
export async function saveSchools(userId: string, schools: SchoolRef[]): Promise<void> {
  const me = await loadAccount();
  if (me && me.user.id === userId) await saveAccount({ ...me, schools });
}

export async function forgetAccount(): Promise<void> {
  await del(KEY);
}

/** The IndexedDB database holding one user's notes and outbox. */
export const databaseNameFor = (userId: string) => `lookfor-${userId}`;
