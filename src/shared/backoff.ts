export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential, capped,
 * with "equal jitter" so many tablets coming back online do not retry in step.
 * `random` is injected so the rule can be tested; it must return a number in [0, 1).
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = defaultBackoff,
): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
