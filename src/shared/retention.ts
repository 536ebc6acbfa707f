import * as z from 'zod/mini';

/**
 * How long the district keeps each kind of data, in days after it was last written.
 * `GET`/`PUT /api/settings/retention`; the daily retention job applies it.
 */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3_650;

const days = (what: string) =>
  z.int({ error: `${what}: give a whole number of days` }).check(
    z.gte(RETENTION_MIN_DAYS, {
      error: `${what} are kept at least ${RETENTION_MIN_DAYS} days`,
    }),
    z.lte(RETENTION_MAX_DAYS, {
      error: `${what} are kept at most ${RETENTION_MAX_DAYS} days (10 years)`,
    }),
  );

export const RetentionSettings = z.object({
  /** Observations, Blast Walkthrough rounds and their progress. */
  observationDays: days('Observations'),
  /** Peer and coaching visits, visit notes, shared notes and reflections. */
  peerNoteDays: days('Peer notes'),
  /** Photos of student work, counted from when they were sent. */
  photoDays: days('Photos'),
  /** Lines of the audit log. */
  auditDays: days('Audit entries'),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

/** What a district keeps when it never changed the settings (see docs/privacy.md). */
export const defaultRetention: RetentionSettings = {
  observationDays: 1_095,
  peerNoteDays: 365,
  photoDays: 365,
  auditDays: 1_095,
};

export type RetentionKind = 'observations' | 'peerNotes' | 'photos' | 'audit';

/** The synced entities each kind of record covers (photos and audit are tables of their own). */
export const retainedEntities = {
  observations: ['observation', 'round', 'round-progress'],
  peerNotes: ['visit', 'visit-note', 'shared-note', 'reflection'],
} as const satisfies Record<'observations' | 'peerNotes', readonly string[]>;

const DAY_MS = 86_400_000;

/** The oldest write each kind may have and still be kept: anything written before is due. */
export type RetentionCutoffs = Record<RetentionKind, string>;

/**
 * The cut-off of each kind as of `now`: data last written strictly before
 * `now - days` is due for deletion; at or after it, it is kept.
 */
export function retentionCutoffs(settings: RetentionSettings, now: Date): RetentionCutoffs {
  const before = (n: number) => new Date(now.getTime() - n * DAY_MS).toISOString();
  return {
    observations: before(settings.observationDays),
    peerNotes: before(settings.peerNoteDays),
    photos: before(settings.photoDays),
    audit: before(settings.auditDays),
  };
}

/** Whether data of this kind last written at `writtenAt` is due for deletion. */
export function isDue(cutoffs: RetentionCutoffs, kind: RetentionKind, writtenAt: string): boolean {
  return Date.parse(writtenAt) < Date.parse(cutoffs[kind]);
}

/** What a retention run deleted, per kind: counts only, never content. */
export const RetentionCounts = z.object({
  observations: z.int(),
  peerNotes: z.int(),
  photos: z.int(),
  audit: z.int(),
});
export type RetentionCounts = z.infer<typeof RetentionCounts>;
