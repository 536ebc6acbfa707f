export type ExclusiveRunner = <T>(task: () => Promise<T>) => Promise<T | 'busy'>;

/**
 * One tab syncs at a time. Where Web Locks are missing we fail closed: no tab
 * pushes, and the status says why, rather than letting every tab push at once.
 */
export function webLockRunner(name = 'lookfor-sync'): ExclusiveRunner | null {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return null;
  return async <T>(task: () => Promise<T>): Promise<T | 'busy'> => {
    const result = await locks.request(name, { ifAvailable: true }, (lock) =>
      lock ? task() : Promise.resolve('busy' as const),
    );
    return result;
  };
}
