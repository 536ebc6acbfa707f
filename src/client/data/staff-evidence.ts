import type * as z from 'zod/mini';
import { StaffPickAnswer, StaffPickRemoved } from '../../shared/answers/dashboard';
import type { StaffPick, StaffPickRequest } from '../../shared/dashboard';
import { api, type ApiCall } from '../api/client';

/** What a leader's change to the staff view came to: done, or a message to show. */
export type StaffEvidenceResult = { ok: true } | { ok: false; message: string };

async function send<T>(
  schema: z.ZodMiniType<T>,
  path: string,
  call: ApiCall,
): Promise<StaffEvidenceResult> {
  const result = await api(schema, path, call);
  if (result.ok) return { ok: true };
  return {
    ok: false,
    message:
      result.error.code === 'offline'
        ? 'No connection: sharing with staff needs the network.'
        : result.error.message,
  };
}

/** Shares a note (or a trimmed part of one) with the staff view of a round. */
export const shareWithStaff = (pick: StaffPickRequest) =>
  send(StaffPickAnswer, '/api/dashboard/staff-evidence', { method: 'POST', body: pick });

/** Takes a pick back out of the staff view. */
export const removeFromStaff = (pick: Pick<StaffPick, 'id'>) =>
  send(StaffPickRemoved, `/api/dashboard/staff-evidence/${encodeURIComponent(pick.id)}`, {
    // JSON even without a body: the server takes no other state-changing request (CSRF).
    method: 'DELETE',
    body: {},
  });
