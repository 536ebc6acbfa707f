/** The smallest group a figure may rest on unless configured otherwise. */
export const DEFAULT_SUPPRESS_BELOW = 5;
/** No configuration may go lower: a figure about one or two rooms is about people. */
export const MIN_SUPPRESS_BELOW = 3;

/** A cell too small to show. It carries the reason and deliberately no number. */
export interface Suppressed {
  suppressed: true;
  reason: string;
}

/** A cell that may be shown, or its suppressed stand-in. */
export type Cell<T> = Suppressed | ({ suppressed: false } & T);

export const suppressionReason = (threshold: number) => `fewer than ${threshold} classrooms`;

export function suppressed(threshold: number): Suppressed {
  return { suppressed: true, reason: suppressionReason(threshold) };
}

/** Why a figure about enough classrooms is hidden all the same. */
export const protectionReason = 'hidden so that a smaller group cannot be worked out';

/** A figure hidden because showing it beside others would give a small group away. */
export const protecting = (): Suppressed => ({ suppressed: true, reason: protectionReason });

/**
 * Shows `make()` only when the figure rests on at least `threshold` classrooms;
 * exactly at the threshold shows. The figure is not even computed otherwise.
 */
export function guard<T extends object>(
  classrooms: number,
  threshold: number,
  make: () => T,
): Cell<T> {
  if (classrooms < threshold) return suppressed(threshold);
  return { suppressed: false, ...make() };
}

/** Checks a configured threshold: a whole number, never below the minimum. */
export function checkThreshold(value: number): number {
  if (!Number.isInteger(value) || value < MIN_SUPPRESS_BELOW) {
    throw new Error(
      `The suppression threshold must be a whole number of at least ${MIN_SUPPRESS_BELOW}, not ${value}`,
    );
  }
  return value;
}

/** A share as a percentage with one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
