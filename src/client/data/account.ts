import { del, get, set } from 'idb-keyval';
import { Me } from '../../shared/accounts';

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

export async function forgetAccount(): Promise<void> {
  await del(KEY);
}

/** The IndexedDB database holding one user's notes and outbox. */
export const databaseNameFor = (userId: string) => `lookfor-${userId}`;
