import { useState } from 'preact/hooks';
import type { PwaState } from '../../pwa/register';

interface Props {
  state: PwaState;
  applyUpdate: () => Promise<void>;
}

/** "Ready to work offline" once cached, and a prompt (never a forced reload) for updates. */
export function PwaBanner({ state, applyUpdate }: Props) {
  const [dismissed, setDismissed] = useState(false);
  const [updating, setUpdating] = useState(false);
  if (state === 'update-available') {
    return (
      <div class="banner info" role="status">
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
      <div class="banner ok" role="status" data-testid="offline-ready">
        <span>Ready to work offline</span>
        <button type="button" class="button quiet" onClick={() => setDismissed(true)}>
          OK
        </button>
      </div>
    );
  }
  return null;
}
