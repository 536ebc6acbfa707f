import type { LookforDb } from './db';

function describes(error: unknown, pattern: RegExp): boolean {
  if (!(error instanceof Error)) return false;
  const inner: unknown = (error as Error & { inner?: unknown }).inner;
  return pattern.test(`${error.name} ${error.message}`) || describes(inner, pattern);
}

/**
 * Safari drops IndexedDB connections after the app was in the background
 * ("Connection to Indexed Database server lost", "database connection is closing").
 */
export function isConnectionLost(error: unknown): boolean {
  return describes(error, /DatabaseClosedError|connection .*(lost|closing)|InvalidStateError/i);
}

/** Runs an operation; on a lost connection, drops the handle, reopens once and tries again. */
export async function withReconnect<T>(db: LookforDb, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isConnectionLost(error)) throw error;
    db.close();
    await db.open();
    return operation();
  }
}
