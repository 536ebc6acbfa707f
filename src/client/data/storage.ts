export type Persistence = 'persistent' | 'best-effort' | 'unknown';

/**
 * Asks the browser to keep this site's storage. Safari otherwise deletes it after
 * seven days without a visit, unless the app is on the home screen.
 */
export async function requestPersistence(): Promise<Persistence> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return 'unknown';
  try {
    if (await storage.persisted()) return 'persistent';
    return (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'unknown';
  }
}
