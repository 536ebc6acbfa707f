import { wilsonInterval, type Confidence, DEFAULT_CONFIDENCE } from './wilson';

/** A share as counted: rooms where the practice was seen, of rooms that answered. */
export interface Share {
  seen: number;
  total: number;
}

export type Change = 'up' | 'down' | 'no-clear-change' | 'not-enough';

/**
 * "Since last round": up or down only when the change is larger than the uncertainty
 * of both rounds, that is, when each round's share lies outside the other round's
 * interval. Otherwise "no clear change". A round with fewer classrooms than
 * `enough` (the "enough visits" setting) gives no direction at all.
 */
export function changeSince(
  before: Share,
  after: Share,
  enough: number,
  confidence: Confidence = DEFAULT_CONFIDENCE,
): Change {
  if (before.total < Math.max(1, enough) || after.total < Math.max(1, enough)) return 'not-enough';
  const a = wilsonInterval(before.seen, before.total, confidence);
  const b = wilsonInterval(after.seen, after.total, confidence);
  if (!a || !b) return 'not-enough';
  const p = before.seen / before.total;
  const q = after.seen / after.total;
  if (q > a.high && p < b.low) return 'up';
  if (q < a.low && p > b.high) return 'down';
  return 'no-clear-change';
}

/** The one sentence the results screen shows under "Since last round". */
export const CHANGE_METHOD =
  'We say up or down only when each round’s share lies outside the other round’s 90% range; otherwise the change could be chance, and we say “no clear change”.';

/** Whether a share rests on enough classrooms to be shown as a figure. */
export function isEnough(share: Share, enough: number): boolean {
  return share.total >= Math.max(1, enough);
}
