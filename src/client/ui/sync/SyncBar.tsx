import { timeAgo } from '../../../shared/sync-status';
import { useServices } from '../app-context';
import { download } from '../shell/download';
import { useSyncStatus } from './use-sync-status';

export function SyncBar() {
  const { scheduler, store, now } = useServices();
  const status = useSyncStatus();
  const exportUnsent = async () => {
    const stamp = now().toISOString().slice(0, 16).replace(':', '');
    download(`lookfor-unsent-${stamp}.json`, await store.exportUnsent());
  };
  return (
    <div class="sync-bar">
      <p
        class={`sync-status tone-${status.tone}`}
        role="status"
        aria-live="polite"
        data-testid="sync-status"
      >
        {status.text}
        {status.oldestPendingAt && status.pending > 0 && (
          <span class="sync-age"> · oldest saved {timeAgo(status.oldestPendingAt, now())}</span>
        )}
      </p>
      <div class="sync-actions">
        {status.needsSignIn && (
          <a class="button primary" href="#/signin">
            Sign in again
          </a>
        )}
        {status.pending > 0 && (
          <button type="button" class="button quiet" onClick={() => void exportUnsent()}>
            Export unsent
          </button>
        )}
        <button type="button" class="button" onClick={() => void scheduler.trigger()}>
          Sync now
        </button>
      </div>
    </div>
  );
}
