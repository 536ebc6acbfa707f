import { ErrorBody } from '../../shared/errors';
import type { RoundTargets, TargetChange } from '../../shared/targets';

/** What a leader's target change came to: the round's targets now, or a message to show. */
export type TargetResult = { ok: true; value: RoundTargets } | { ok: false; message: string };

/** The path the results screen reads a round's targets from (kept offline like any result). */
export const targetsPath = (roundId: string) =>
  `/api/dashboard/targets?${new URLSearchParams({ roundId }).toString()}`;

/** Sets, or with `percent: null` removes, one look-for's target for a round or its year. */
export async function changeTarget(change: TargetChange): Promise<TargetResult> {
  let response: Response;
  try {
    response = await fetch('/api/dashboard/targets', {
      method: 'PUT',
      body: JSON.stringify(change),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, message: 'No connection: setting a target needs the network.' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body !== null) return { ok: true, value: body as RoundTargets };
  const error = ErrorBody.safeParse(body);
  if (!error.success) return { ok: false, message: `The server answered ${response.status}` };
  // A field's own message ("A target is at most 100%") says more than the summary.
  return { ok: false, message: error.data.error.details?.[0]?.message ?? error.data.error.message };
}
