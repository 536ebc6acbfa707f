/**
 * How sure a share is. A share from a handful of short visits is unstable, so every
 * share shown carries its Wilson score interval (Wilson 1927; Newcombe 1998, method 3):
 * unlike the textbook "p ± z·√(p(1−p)/n)" it stays inside 0–100% and behaves at
 * 0 of n and n of n, which is where small walkthrough samples live.
 */

/** Two-sided standard normal quantiles for the confidence levels the product offers. */
const quantiles = { 0.8: 1.2815515655446004, 0.9: 1.6448536269514722, 0.95: 1.959963984540054 };
export type Confidence = keyof typeof quantiles;

/** The product's level: a 90% interval, as the results screen and CSV say. */
export const DEFAULT_CONFIDENCE: Confidence = 0.9;

export interface Interval {
  /** Lower and upper bounds as fractions of 1. */
  low: number;
  high: number;
}

/** The Wilson interval for `seen` successes out of `total`, or null when there are none. */
export function wilsonInterval(
  seen: number,
  total: number,
  confidence: Confidence = DEFAULT_CONFIDENCE,
): Interval | null {
  if (!Number.isInteger(seen) || !Number.isInteger(total) || seen < 0 || seen > total) {
    throw new RangeError(`A share needs 0 <= seen <= total, whole numbers (got ${seen}/${total})`);
  }
  if (total === 0) return null;
  const z = quantiles[confidence];
  const p = seen / total;
  const z2 = z * z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (z / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  // At 0 of n and n of n the bound is exactly 0 or 1; rounding must not move it.
  return {
    low: seen === 0 ? 0 : Math.max(0, centre - half),
    high: seen === total ? 1 : Math.min(1, centre + half),
  };
}

/** "52–81%": an interval as whole percentages, for tables, CSV and screen readers. */
export function intervalText(interval: Interval): string {
  return `${Math.round(interval.low * 100)}–${Math.round(interval.high * 100)}%`;
}
