import { timeAgo } from '../../../shared/sync-status';
import { useServices } from '../app-context';
import { useDisclosure } from '../shell/use-disclosure';
import { useSyncStatus } from './use-sync-status';
import './sync.css';

/**
 * The sync status as a chip of fixed width, so the bar never changes size when the
 * status does: a colour and a word or two on screen, the whole sentence announced
 * (and in the details). The details, the age of the oldest unsent note and "Export
 * unsent" open from the chip; "Sync now" stays one tap away.
 */
export function SyncChip() {
  const { scheduler } = useServices();
  const status = useSyncStatus();
  const details = useDisclosure('sync-details');
  return (
    <div class="sync-chip-wrap" ref={details.root}>
      <button {...details.buttonProps} class={`sync-chip tone-${status.tone}`}>
        <span class="sync-dot" aria-hidden="true" />
        <span aria-hidden="true">{shortStatus(status)}</span>
        <span class="visually-hidden">
          Sync status:{' '}
          <span role="status" aria-live="polite" data-testid="sync-status">
            {status.text}
          </span>
        </span>
      </button>
      <button
        type="button"
        class="button quiet sync-now"
        aria-label="Sync now"
        title="Sync now"
        onClick={() => void scheduler.trigger()}
      >
        <span aria-hidden="true">↻</span>
      </button>
      <div {...details.panelProps} class="popover sync-details">
        {/* Rendered only while open, so the status text is on the page once. */}
        {details.open && <SyncDetails status={status} onLeave={details.close} />}
      </div>
    </div>
  );
}

type Status = ReturnType<typeof useSyncStatus>;

/** One or two words that fit the chip; the whole sentence is in the details. */
export function shortStatus(status: Status): string {
  if (status.needsSignIn) return 'Sign in';
  if (status.tone === 'attention') return 'Needs a look';
  if (status.tone === 'offline')
    return status.pending > 0 ? `Offline · ${status.pending}` : 'Offline';
  if (status.tone === 'ok') return 'Synced';
  return status.pending > 0 ? `${status.pending} waiting` : 'Not synced';
}

function SyncDetails({ status, onLeave }: { status: Status; onLeave: () => void }) {
  const { store, now } = useServices();
  const exportUnsent = async () => {
    const stamp = now().toISOString().slice(0, 16).replace(':', '');
    // Loaded on use: the first screen's script stays within its budget.
    const [{ download }, text] = await Promise.all([
      import('../shell/download'),
      store.exportUnsent(),
    ]);
    download(`lookfor-unsent-${stamp}.json`, text);
  };
  return (
    <>
      <p class={`sync-line tone-${status.tone}`}>{status.text}</p>
      {status.oldestPendingAt && status.pending > 0 && (
        <p class="muted">Oldest unsent note saved {timeAgo(status.oldestPendingAt, now())}.</p>
      )}
      <p class="muted">Every tap is saved on this device first, then synced when online.</p>
      {(status.needsSignIn || status.pending > 0) && (
        <div class="popover-actions">
          {status.needsSignIn && (
            <a class="button primary" href="#/signin" onClick={onLeave}>
              Sign in again
            </a>
          )}
          {status.pending > 0 && (
            <button type="button" class="button" onClick={() => void exportUnsent()}>
              Export unsent
            </button>
          )}
        </div>
      )}
    </>
  );
}
