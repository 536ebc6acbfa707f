/** The longest a server's Retry-After may hold back the next automatic sync. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/**
 * Reads a Retry-After header (delay in seconds, or an HTTP date) as milliseconds
 * from `now`. Null when missing or unreadable; never negative.
 */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month ("Mon, 23 Nov 2026 10:00:30 GMT").
  const at = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
