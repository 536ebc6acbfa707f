import type { AfterWriteHook } from '../sync/write-hooks';
import { setClosedAt } from './repository';

interface Closing {
  roundId: string;
  schoolId: string;
  closedAt: string | null;
}

const closedIn = (data: unknown) =>
  typeof data === 'object' && data !== null && (data as { status?: unknown }).status === 'closed';

/** The earlier of two moments: a round closed offline keeps its device's time, never a future one. */
function earlier(a: string, b: string): string {
  const at = Math.min(Date.parse(a), Date.parse(b));
  return Number.isNaN(at) ? b : new Date(at).toISOString();
}

/**
 * Starts a round's share-back clock when a push closes it (at the moment the device
 * closed it, not later than the push), and stops counting if it is reopened or
 * deleted. Registered in `src/server/app.ts`, so sync never imports it.
 */
export const roundClosingHook: AfterWriteHook<'round'> = {
  entity: 'round',
  begin() {
    const pending: Closing[] = [];
    return {
      async stage(_reads, write) {
        const was = closedIn(write.previous);
        const is = !write.deleted && write.data !== null && write.data.status === 'closed';
        if (was === is) return null;
        const schoolId = write.data?.schoolId ?? write.placement.schoolId;
        if (!schoolId) return null;
        const closedAt = is && write.data ? earlier(write.data.updatedAt, write.stamp) : null;
        return () => pending.push({ roundId: write.entityId, schoolId, closedAt });
      },
      async flush(db) {
        await setClosedAt(db, pending.splice(0));
      },
    };
  },
};
