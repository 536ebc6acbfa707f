import type * as z from 'zod/mini';
import type { InviteCreate } from '../../shared/account-requests';
import {
  InviteLink,
  RosterAnswer,
  SchoolList,
  SchoolRow,
  SharingRows,
} from '../../shared/answers/account';
import { SharingAnswer } from '../../shared/answers/dashboard';
import type { FieldIssue } from '../../shared/errors';
import { SchoolPhotoSetting } from '../../shared/photos';
import { api, type ApiCall } from '../api/client';

export type { InviteLink, RosterInvite, SchoolRow, SharingRow } from '../../shared/answers/account';

export type AdminResult<T> =
  { ok: true; value: T } | { ok: false; message: string; details: FieldIssue[] };

export async function call<T>(
  schema: z.ZodMiniType<T>,
  path: string,
  init?: ApiCall,
): Promise<AdminResult<T>> {
  const result = await api(schema, path, init);
  if (result.ok) return { ok: true, value: result.value };
  const { code, message, details } = result.error;
  return {
    ok: false,
    message: code === 'offline' ? 'No connection: managing accounts needs the network.' : message,
    details,
  };
}

export const listSchools = () => call(SchoolList, '/api/admin/schools');
export const createSchool = (name: string) =>
  call(SchoolRow, '/api/admin/schools', { method: 'POST', body: { name } });
export const createInvite = (invite: InviteCreate) =>
  call(InviteLink, '/api/admin/invites', { method: 'POST', body: invite });
export const importRoster = (csv: string) =>
  call(RosterAnswer, '/api/admin/roster', { method: 'POST', body: { csv } });

export const resultsOptions = () => call(SharingRows, '/api/dashboard/options');
export const setResultsSharing = (schoolId: string, shareWithStaff: boolean) =>
  call(SharingAnswer, `/api/dashboard/sharing/${schoolId}`, {
    method: 'PUT',
    body: { shareWithStaff },
  });

/** Whether a school takes photos (on unless its principal or a district admin turned it off). */
export const photoSetting = (schoolId: string) =>
  call(SchoolPhotoSetting, `/api/schools/${schoolId}/photos`);
export const setPhotoSetting = (schoolId: string, photosAllowed: boolean) =>
  call(SchoolPhotoSetting, `/api/schools/${schoolId}/photos`, {
    method: 'PUT',
    body: { photosAllowed },
  });
