import { ErrorBody } from '../../shared/errors';
import type { StaffPick, StaffPickRequest } from '../../shared/dashboard';

/** What a leader's change to the staff view came to: done, or a message to show. */
export type StaffEvidenceResult = { ok: true } | { ok: false; message: string };

async function send(path: string, init: RequestInit): Promise<StaffEvidenceResult> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      // JSON even without a body: the server takes no other state-changing request (CSRF).
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, message: 'No connection: sharing with staff needs the network.' };
  }
  if (response.ok) return { ok: true };
  const error = ErrorBody.safeParse(await response.json().catch(() => null));
  return {
    ok: false,
    message: error.success ? error.data.error.message : `The server answered ${response.status}`,
  };
}

/** Shares a note (or a trimmed part of one) with the staff view of a round. */
export const shareWithStaff = (pick: StaffPickRequest) =>
  send('/api/dashboard/staff-evidence', { method: 'POST', body: JSON.stringify(pick) });

/** Takes a pick back out of the staff view. */
export const removeFromStaff = (pick: Pick<StaffPick, 'id'>) =>
  send(`/api/dashboard/staff-evidence/${encodeURIComponent(pick.id)}`, {
    method: 'DELETE',
    body: '{}',
  });
