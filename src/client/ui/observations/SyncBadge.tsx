import type { SyncState } from '../../data/observations';

const labels: Record<SyncState, string> = {
  synced: 'Synced',
  waiting: 'Waiting to sync',
  rejected: 'Needs a fix',
  conflict: 'Two versions',
};

export function SyncBadge({ state }: { state: SyncState }) {
  return <span class={`badge badge-${state}`}>{labels[state]}</span>;
}
