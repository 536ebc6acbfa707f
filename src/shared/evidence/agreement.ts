/**
 * How often observers agree, for a calibration conversation: percent agreement, and
 * agreement beyond chance as Cohen's kappa (two observers, Cohen 1960) or Fleiss'
 * kappa (more than two, Fleiss 1971). Kappa is null when chance alone explains all
 * agreement (every answer the same category), where it is undefined.
 */

/** One room as the observers answered one look-for: one label per observer. */
export type Ratings = readonly string[];

export interface Agreement {
  /** Rooms counted (each answered by the same number of observers, at least two). */
  rooms: number;
  observers: number;
  /** Mean share of agreeing observer pairs per room, 0–1. */
  percent: number;
  /** Cohen's kappa for two observers, Fleiss' kappa for more; null when undefined. */
  kappa: number | null;
  method: 'cohen' | 'fleiss';
}

/** Cohen's kappa for two observers' labels on the same rooms. */
export function cohensKappa(pairs: readonly (readonly [string, string])[]): number | null {
  if (pairs.length === 0) return null;
  const n = pairs.length;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed += 1;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agreed / n;
  let chance = 0;
  for (const [label, count] of first) chance += (count / n) * ((second.get(label) ?? 0) / n);
  return kappaOf(observed, chance);
}

/**
 * Fleiss' kappa from a rooms × categories table of counts: `counts[i][j]` observers
 * put room i in category j, the same number of observers for every room.
 */
export function fleissKappaFromCounts(counts: readonly (readonly number[])[]): number | null {
  const raters = checkCounts(counts);
  if (raters === null) return null;
  const rooms = counts.length;
  const categories = counts[0]?.length ?? 0;
  let meanAgreement = 0;
  const totals = new Array<number>(categories).fill(0);
  for (const row of counts) {
    meanAgreement += roomAgreement(row, raters);
    row.forEach((c, j) => (totals[j] = (totals[j] ?? 0) + c));
  }
  meanAgreement /= rooms;
  const chance = totals.reduce((sum, t) => sum + (t / (rooms * raters)) ** 2, 0);
  return kappaOf(meanAgreement, chance);
}

/** Agreement across rooms, each answered by the same observers (two or more). */
export function agreementOf(rooms: readonly Ratings[]): Agreement | null {
  const counted = rooms.filter((r) => r.length >= 2);
  const observers = counted[0]?.length ?? 0;
  if (counted.length === 0 || counted.some((r) => r.length !== observers)) return null;
  const labels = [...new Set(counted.flat())].sort();
  const counts = counted.map((r) => labels.map((l) => r.filter((x) => x === l).length));
  const percent =
    counts.reduce((sum, row) => sum + roomAgreement(row, observers), 0) / counted.length;
  if (observers === 2) {
    const pairs = counted.map((r) => [r[0] ?? '', r[1] ?? ''] as const);
    return {
      rooms: counted.length,
      observers,
      percent,
      kappa: cohensKappa(pairs),
      method: 'cohen',
    };
  }
  return {
    rooms: counted.length,
    observers,
    percent,
    kappa: fleissKappaFromCounts(counts),
    method: 'fleiss',
  };
}

/** The share of agreeing observer pairs in one room. */
function roomAgreement(row: readonly number[], raters: number): number {
  return row.reduce((sum, c) => sum + c * (c - 1), 0) / (raters * (raters - 1));
}

function kappaOf(observed: number, chance: number): number | null {
  if (chance >= 1 - 1e-12) return null;
  return (observed - chance) / (1 - chance);
}

function checkCounts(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) return null;
  const width = counts[0]?.length ?? 0;
  const raters = (counts[0] ?? []).reduce((a, b) => a + b, 0);
  for (const row of counts) {
    if (row.length !== width || row.some((c) => !Number.isInteger(c) || c < 0)) {
      throw new RangeError('Every room needs a whole count for every category');
    }
    if (row.reduce((a, b) => a + b, 0) !== raters) {
      throw new RangeError('Every room needs the same number of observers');
    }
  }
  return raters >= 2 ? raters : null;
}
