import { RoundTargetsAnswer } from '../../shared/answers/dashboard';
import { api } from '../api/client';
import type { RoundTargets, TargetChange } from '../../shared/targets';

/** What a leader's target change came to: the round's targets now, or a message to show. */
export type TargetResult = { ok: true; value: RoundTargets } | { ok: false; message: string };

/** The path the results screen reads a round's targets from (kept offline like any result). */
export const targetsPath = (roundId: string) =>
  `/api/dashboard/targets?${new URLSearchParams({ roundId }).toString()}`;

/** Sets, or with `percent: null` removes, one look-for's target for a round or its year. */
export async function changeTarget(change: TargetChange): Promise<TargetResult> {
  const answer = await api(RoundTargetsAnswer, '/api/dashboard/targets', {
    method: 'PUT',
    body: change,
  });
  if (answer.ok) return { ok: true, value: answer.value };
  if (answer.error.code === 'offline' || answer.error.code === 'timeout') {
    return { ok: false, message: 'No connection: setting a target needs the network.' };
  }
  // A field's own message ("A target is at most 100%") says more than the summary.
  return { ok: false, message: answer.error.details[0]?.message ?? answer.error.message };
}
