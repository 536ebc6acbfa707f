import * as z from 'zod/mini';

/**
 * Targets: the share of classrooms where leaders hope to see a look-for, set for one
 * round or for a whole school year (every round of the protocol starting in it). A
 * round's own target wins over the year's. Targets are the school's goal, never a
 * figure about anyone, and apply to seen / not seen look-fors only.
 */
const LookForId = z
  .string({ error: 'Choose a look-for' })
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'Not a look-for id' }));

export const TargetScope = z.enum(['round', 'year'], {
  error: 'A target is for this round or for the school year',
});
export type TargetScope = z.infer<typeof TargetScope>;

/** A whole percent from 0 to 100; null removes the target. */
export const TargetPercent = z.nullable(
  z
    .int({ error: 'A target is a whole percent from 0 to 100' })
    .check(
      z.gte(0, { error: 'A target is at least 0%' }),
      z.lte(100, { error: 'A target is at most 100%' }),
    ),
);

/** Sets (or, with `percent: null`, removes) one look-for's target for a round or its year. */
export const TargetChange = z.object({
  roundId: z.uuid({ error: 'Not a round id' }),
  lookForId: LookForId,
  scope: TargetScope,
  percent: TargetPercent,
});
export type TargetChange = z.infer<typeof TargetChange>;

export const TargetsQuery = z.object({ roundId: z.uuid({ error: 'Not a round id' }) });

/** One look-for's targets as read for a round. */
export interface LookForTarget {
  lookForId: string;
  /** The round's own target, if any. */
  round: number | null;
  /** The target for the round's school year, if any. */
  year: number | null;
}

export interface RoundTargets {
  roundId: string;
  /** "2026-2027": the school year the round starts in. */
  schoolYear: string;
  /** Whether the reader may set targets (the school's principal or coach, a district admin). */
  maySet: boolean;
  targets: LookForTarget[];
}

/** The month (1-12) a school year starts in. */
export const SCHOOL_YEAR_STARTS = 8;

/** The school year a date (`YYYY-MM-DD`) falls in: August to July, "2026-2027". */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = month >= SCHOOL_YEAR_STARTS ? year : year - 1;
  return `${first}-${first + 1}`;
}

/** The target that applies: the round's own, else the year's, else none. */
export const effectiveTarget = (t: LookForTarget | undefined): number | null =>
  t ? (t.round ?? t.year) : null;

/** Effective targets by look-for id, leaving out look-fors without one. */
export function targetMap(targets: readonly LookForTarget[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const t of targets) {
    const value = effectiveTarget(t);
    if (value !== null) map.set(t.lookForId, value);
  }
  return map;
}

/** Whether a percent seen meets its target (null when either is missing). */
export const meetsTarget = (percent: number | null, target: number | null): boolean | null =>
  percent === null || target === null ? null : percent >= target;

/** The words for a target in a table or a slide: "Target 80% (school year)". */
export function targetText(t: LookForTarget | undefined): string {
  if (!t) return '';
  if (t.round !== null) return `${t.round}% (this round)`;
  if (t.year !== null) return `${t.year}% (school year)`;
  return '';
}
