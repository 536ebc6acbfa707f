import { useEffect, useState } from 'preact/hooks';
import { describeSync, type SyncStatus } from '../../../shared/sync-status';
import { useServices } from '../app-context';

/** The status line, from the outbox (live, across tabs) and the scheduler (this tab). */
export function useSyncStatus(): SyncStatus & {
  pending: number;
  oldestPendingAt: string | null;
  needsSignIn: boolean;
} {
  const { store, scheduler, now } = useServices();
  const counts = store.useOutboxCounts();
  const meta = store.useSyncMeta();
  const [state, setState] = useState(scheduler.state());
  const [, tick] = useState(0);
  useEffect(() => scheduler.subscribe(setState), [scheduler]);
  // Keeps "2 min ago" honest while the screen stays open.
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  const status = describeSync(
    {
      pending: counts?.pending ?? 0,
      rejected: counts?.rejected ?? 0,
      conflicts: counts?.conflicts ?? 0,
      online: state.online,
      syncing: state.syncing,
      lastSuccessAt: meta?.lastSuccessAt ?? null,
      lastError: meta?.lastError ?? null,
      unsupported: state.unsupported,
      needsSignIn: state.needsSignIn,
    },
    now(),
  );
  return {
    ...status,
    pending: counts?.pending ?? 0,
    oldestPendingAt: counts?.oldestPendingAt ?? null,
    needsSignIn: state.needsSignIn,
  };
}
