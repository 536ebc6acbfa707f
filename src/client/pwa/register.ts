import { writesSettled } from '../data/write-tracker';

export type PwaState = 'installing' | 'offline-ready' | 'update-available' | 'unsupported';

/**
 * Registers the service worker (prompt-to-update). The new version waits until the
 * user agrees, and even then the page reloads only after every pending write has
 * reached IndexedDB.
 */
export async function registerServiceWorker(
  onState: (state: PwaState, applyUpdate: () => Promise<void>) => void,
): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    onState('unsupported', async () => undefined);
    return;
  }
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });

  const applyUpdate = async () => {
    await writesSettled();
    wb.addEventListener('controlling', () => window.location.reload());
    wb.messageSkipWaiting();
  };
  let updateWaiting = false;
  wb.addEventListener('waiting', () => {
    updateWaiting = true;
    onState('update-available', applyUpdate);
  });
  // Ready once a worker is active for this page: its precache is complete by then,
  // whichever page (or reload) started the install.
  void navigator.serviceWorker.ready.then(() => {
    if (!updateWaiting) onState('offline-ready', applyUpdate);
  });
  const registered = wb.register();
  // Installed iPad apps can stay open for days: look for a new build on return.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    void registered.then(() => wb.update()).catch(() => undefined);
  });
  await registered;
}
