import * as z from 'zod/mini';
import type { InviteCreate } from '../../shared/account-requests';
import { ErrorBody, type FieldIssue } from '../../shared/errors';

export type AdminResult<T> =
  { ok: true; value: T } | { ok: false; message: string; details: FieldIssue[] };

export async function call<T>(
  schema: z.ZodMiniType<T>,
  path: string,
  init?: RequestInit,
): Promise<AdminResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json' },
      cache: 'no-store',
    });
  } catch {
    return {
      ok: false,
      message: 'No connection: managing accounts needs the network.',
      details: [],
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, message: 'The server sent an answer this app cannot read', details: [] };
  }
  const error = ErrorBody.safeParse(body);
  return error.success
    ? { ok: false, message: error.data.error.message, details: error.data.error.details ?? [] }
    : { ok: false, message: `The server answered ${response.status}`, details: [] };
}

const SchoolRow = z.object({ id: z.string(), name: z.string() });
export type SchoolRow = z.infer<typeof SchoolRow>;
const InviteLink = z.object({
  link: z.string(),
  expiresAt: z.string(),
  /** Whether the server queued the invite by email (SMTP_URL set and an address given). */
  emailQueued: z.optional(z.boolean()),
  emailOn: z.optional(z.boolean()),
});
export type InviteLink = z.infer<typeof InviteLink>;
const RosterInvite = z.object({
  link: z.string(),
  expiresAt: z.string(),
  emailQueued: z.optional(z.boolean()),
  row: z.number(),
  name: z.string(),
  email: z.string(),
  school: z.string(),
  role: z.string(),
});
export type RosterInvite = z.infer<typeof RosterInvite>;

export const listSchools = () =>
  call(z.object({ schools: z.array(SchoolRow) }), '/api/admin/schools');
export const createSchool = (name: string) =>
  call(SchoolRow, '/api/admin/schools', { method: 'POST', body: JSON.stringify({ name }) });
export const createInvite = (invite: InviteCreate) =>
  call(InviteLink, '/api/admin/invites', { method: 'POST', body: JSON.stringify(invite) });
export const importRoster = (csv: string) =>
  call(z.object({ invites: z.array(RosterInvite) }), '/api/admin/roster', {
    method: 'POST',
    body: JSON.stringify({ csv }),
  });

const SharingRow = z.object({
  id: z.string(),
  name: z.string(),
  shareWithStaff: z.boolean(),
  mayChangeSharing: z.boolean(),
});
export type SharingRow = z.infer<typeof SharingRow>;

export const resultsOptions = () =>
  call(z.object({ schools: z.array(SharingRow) }), '/api/dashboard/options');
export const setResultsSharing = (schoolId: string, shareWithStaff: boolean) =>
  call(
    z.object({ schoolId: z.string(), shareWithStaff: z.boolean() }),
    `/api/dashboard/sharing/${schoolId}`,
    { method: 'PUT', body: JSON.stringify({ shareWithStaff }) },
  );
