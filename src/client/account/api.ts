import type * as z from 'zod/mini';
import type {
  AcceptInvite,
  LoginRequest,
  PasswordResetConfirm,
  SetupRequest,
} from '../../shared/account-requests';
import { Me } from '../../shared/accounts';
import { Done, PasswordResetAnswer } from '../../shared/answers/account';
import type { ApiResult as Answer } from '../api/client';

/** The API client loads with the first call, so the first screen's JavaScript stays within its budget. */
const api = async () => (await import('../api/client')).api;

/** What an account form shows: done, or a message and the fields it is about. */
export type ApiResult =
  { ok: true } | { ok: false; message: string; fields: Record<string, string> };

async function post<T>(schema: z.ZodMiniType<T>, path: string, body: unknown): Promise<Answer<T>> {
  return (await api())(schema, path, { method: 'POST', body });
}

function forForm(result: Answer<unknown>): ApiResult {
  if (result.ok) return { ok: true };
  const { code, message, details } = result.error;
  return {
    ok: false,
    message: code === 'offline' ? 'No connection. Signing in needs the network once.' : message,
    fields: Object.fromEntries(details.map((d) => [d.path, d.message])),
  };
}

const done = async (path: string, body: unknown) => forForm(await post(Done, path, body));

export const signIn = (request: LoginRequest) => done('/api/auth/login', request);
export const setUp = (request: SetupRequest) => done('/api/auth/setup', request);
export const acceptInvite = (request: AcceptInvite) => done('/api/auth/accept-invite', request);
/** "Forgot password?": the server answers the same whether or not the account exists. */
export async function requestPasswordReset(
  email: string,
): Promise<ApiResult & { emailOn?: boolean }> {
  const result = await post(PasswordResetAnswer, '/api/auth/password-reset', { email });
  return result.ok ? { ok: true, emailOn: result.value.emailOn !== false } : forForm(result);
}
export const confirmPasswordReset = (request: PasswordResetConfirm) =>
  done('/api/auth/password-reset/confirm', request);
export const signOut = () => done('/api/auth/logout', {});
/** Ends every session of the account, on every device. */
export const signOutEverywhere = () => done('/api/auth/logout-everywhere', {});

/** Who the server thinks is signed in: a Me, 'signed-out', or 'offline'. */
export async function fetchMe(): Promise<Me | 'signed-out' | 'offline'> {
  const result = await (await api())(Me, '/api/auth/me');
  if (result.ok) return result.value;
  return result.error.status === 401 ? 'signed-out' : 'offline';
}
