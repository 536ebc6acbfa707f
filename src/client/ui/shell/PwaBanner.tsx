import { useEffect, useState } from 'preact/hooks';
import type { PwaState } from '../../pwa/register';

interface Props {
  state: PwaState;
  applyUpdate: () => Promise<void>;
}

/** How long "Ready to work offline" stays: long enough to read, then out of the way. */
export const OFFLINE_READY_MS = 20_000;

/**
 * "Ready to work offline" once cached, and a prompt (never a forced reload) for updates.
 * Both float as toasts over the page (the shell places them), so they never move it.
 */
export function PwaBanner({ state, applyUpdate }: Props) {
  const [dismissed, setDismissed] = useState(false);
  const [updating, setUpdating] = useState(false);
  useEffect(() => {
    if (state !== 'offline-ready') return;
    const timer = setTimeout(() => setDismissed(true), OFFLINE_READY_MS);
    return () => clearTimeout(timer);
  }, [state]);
  if (state === 'update-available') {
    return (
      <div class="toast info" role="status">
        <span>Update available. Your notes are saved; updating reloads the app.</span>
        <button
          type="button"
          class="button primary"
          disabled={updating}
          onClick={() => {
            setUpdating(true);
            void applyUpdate();
          }}
        >
          {updating ? 'Updating…' : 'Update now'}
        </button>
      </div>
    );
  }
  if (state === 'offline-ready' && !dismissed) {
    return (
      <div class="toast ok" role="status" data-testid="offline-ready">
        <span>Ready to work offline</span>
        <button type="button" class="button quiet" onClick={() => setDismissed(true)}>
          OK
        </button>
      </div>
    );
  }
  return null;
}
