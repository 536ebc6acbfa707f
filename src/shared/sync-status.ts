export interface SyncFacts {
  pending: number;
  rejected: number;
  conflicts: number;
  online: boolean;
  syncing: boolean;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** Web Locks are missing: we refuse to sync rather than let every tab push. */
  unsupported: boolean;
  /** The session ended (expired, or signed out elsewhere): sync waits for sign-in. */
  needsSignIn?: boolean;
}

export type SyncTone = 'ok' | 'waiting' | 'offline' | 'attention';

export interface SyncStatus {
  tone: SyncTone;
  text: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function timeAgo(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return plural(hours, 'hour', 'hours') + ' ago';
  return plural(Math.round(hours / 24), 'day', 'days') + ' ago';
}

/** The one line of sync status the app shows: what waits, what needs a person, when it last worked. */
export function describeSync(facts: SyncFacts, now: Date): SyncStatus {
  const waiting = plural(facts.pending, 'note waiting', 'notes waiting');
  if (facts.rejected > 0) {
    return {
      tone: 'attention',
      text:
        facts.rejected === 1
          ? '1 note needs a fix before it can sync'
          : `${facts.rejected} notes need a fix before they can sync`,
    };
  }
  if (facts.conflicts > 0) {
    return {
      tone: 'attention',
      text: `${plural(facts.conflicts, 'note has', 'notes have')} two versions to choose from`,
    };
  }
  if (facts.needsSignIn) {
    return {
      tone: 'attention',
      text:
        facts.pending > 0
          ? `Sign in again to sync; your ${plural(facts.pending, 'note is', 'notes are')} safe on this device`
          : 'Sign in again to sync',
    };
  }
  if (facts.unsupported) {
    return facts.pending > 0
      ? { tone: 'attention', text: `${waiting}; this browser cannot sync safely` }
      : { tone: 'attention', text: 'This browser cannot sync safely' };
  }
  if (!facts.online) {
    return facts.pending > 0
      ? { tone: 'offline', text: `Offline. ${waiting}, safe on this device` }
      : { tone: 'offline', text: 'Offline' };
  }
  if (facts.pending > 0) {
    if (facts.syncing)
      return { tone: 'waiting', text: `Syncing ${plural(facts.pending, 'note', 'notes')}` };
    return facts.lastError
      ? { tone: 'waiting', text: `${waiting}; will retry (${facts.lastError})` }
      : { tone: 'waiting', text: waiting };
  }
  if (facts.lastSuccessAt) {
    return { tone: 'ok', text: `All synced, ${timeAgo(facts.lastSuccessAt, now)}` };
  }
  if (facts.syncing) return { tone: 'waiting', text: 'Syncing' };
  return facts.lastError
    ? { tone: 'waiting', text: `Not synced yet (${facts.lastError})` }
    : { tone: 'waiting', text: 'Not synced yet' };
}
