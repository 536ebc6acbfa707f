import type {
  AcceptInvite,
  LoginRequest,
  PasswordResetConfirm,
  SetupRequest,
} from '../../shared/account-requests';
import { Me } from '../../shared/accounts';
import { ErrorBody, type FieldIssue } from '../../shared/errors';

export type ApiResult =
  { ok: true; body?: unknown } | { ok: false; message: string; fields: Record<string, string> };

async function post(path: string, body: unknown): Promise<ApiResult> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: 'No connection. Signing in needs the network once.', fields: {} };
  }
  if (response.ok) return { ok: true, body: await response.json().catch(() => null) };
  const error = ErrorBody.safeParse(await response.json().catch(() => null));
  if (!error.success)
    return { ok: false, message: `The server answered ${response.status}`, fields: {} };
  const details: FieldIssue[] = error.data.error.details ?? [];
  return {
    ok: false,
    message: error.data.error.message,
    fields: Object.fromEntries(details.map((d) => [d.path, d.message])),
  };
}

export const signIn = (request: LoginRequest) => post('/api/auth/login', request);
export const setUp = (request: SetupRequest) => post('/api/auth/setup', request);
export const acceptInvite = (request: AcceptInvite) => post('/api/auth/accept-invite', request);
/** "Forgot password?": the server answers the same whether or not the account exists. */
export async function requestPasswordReset(
  email: string,
): Promise<ApiResult & { emailOn?: boolean }> {
  const result = await post('/api/auth/password-reset', { email });
  if (!result.ok) return result;
  const body = result.body;
  const emailOn =
    typeof body === 'object' && body !== null && 'emailOn' in body ? body.emailOn !== false : true;
  return { ok: true, emailOn };
}
export const confirmPasswordReset = (request: PasswordResetConfirm) =>
  post('/api/auth/password-reset/confirm', request);
export const signOut = () => post('/api/auth/logout', {});
/** Ends every session of the account, on every device. */
export const signOutEverywhere = () => post('/api/auth/logout-everywhere', {});

/** Who the server thinks is signed in: a Me, 'signed-out', or 'offline'. */
export async function fetchMe(): Promise<Me | 'signed-out' | 'offline'> {
  try {
    const response = await fetch('/api/auth/me', { cache: 'no-store' });
    if (response.status === 401) return 'signed-out';
    if (!response.ok) return 'offline';
    const me = Me.safeParse(await response.json());
    return me.success ? me.data : 'offline';
  } catch {
    return 'offline';
  }
}
