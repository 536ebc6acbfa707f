/**
 * Counts writes still on their way to IndexedDB, so an app update never reloads
 * the page while a tap is being saved.
 */
let inFlight = 0;
let waiters: Array<() => void> = [];

export function trackWrite<T>(write: Promise<T>): Promise<T> {
  inFlight += 1;
  const settle = () => {
    inFlight -= 1;
    if (inFlight === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  };
  write.then(settle, settle);
  return write;
}

export function writesSettled(): Promise<void> {
  return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
}
