import type * as z from 'zod/mini';
import { ErrorBody, type ErrorCode, type FieldIssue } from '../../shared/errors';
import { retryAfterMs } from '../sync/retry-after';

/**
 * Why a call failed. The server's own codes (src/shared/errors.ts), plus two only
 * the device can see: no answer at all ('offline') and an answer this app cannot
 * read ('unreadable': not JSON, or not the shape its schema says).
 */
export type ApiErrorCode = ErrorCode | 'offline' | 'unreadable';

export interface ApiError {
  code: ApiErrorCode;
  /** A sentence a person can read: the server's, or one this client made up. */
  message: string;
  /** The HTTP status; 0 when no answer came. */
  status: number;
  details: FieldIssue[];
  /** A busy server (503, 429) may say when to come back; null otherwise. */
  retryAfterMs: number | null;
}

/** The one result shape of every call the client makes. */
export type ApiResult<T> = { ok: true; value: T; status: number } | { ok: false; error: ApiError };

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON. A state-changing call always sends JSON, even `{}` (the server's CSRF rule). */
  body?: unknown;
  /** Sent as it is, with its own content type, instead of JSON (a photo's bytes). */
  raw?: { type: string; data: Blob };
  /** Gives up after this long with code 'timeout'; none unless asked. */
  timeoutMs?: number;
}

export interface ApiClientDeps {
  fetch: typeof fetch;
  /** Origin of the API, '' for the page's own. */
  baseUrl: string;
  now: () => Date;
}

export type ApiClient = <T>(
  schema: z.ZodMiniType<T>,
  path: string,
  call?: ApiCall,
) => Promise<ApiResult<T>>;

const failure = (
  code: ApiErrorCode,
  message: string,
  status: number,
  extra: Partial<ApiError> = {},
): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code, message, status, details: [], retryAfterMs: null, ...extra },
});

/** The error code a status stands for when the server's body does not say. */
function codeOfStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'too_many_requests';
  if (status === 503) return 'busy';
  return status >= 500 ? 'internal' : 'invalid_request';
}

function requestInit(call: ApiCall): RequestInit {
  const init: RequestInit = {
    method: call.method ?? 'GET',
    cache: 'no-store',
    headers:
      call.body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
  };
  if (call.body !== undefined) init.body = JSON.stringify(call.body);
  if (call.raw) {
    init.headers = { accept: 'application/json', 'content-type': call.raw.type };
    init.body = call.raw.data;
  }
  if (call.timeoutMs !== undefined) init.signal = AbortSignal.timeout(call.timeoutMs);
  return init;
}

const isTimeout = (error: unknown) =>
  error instanceof DOMException && error.name === 'TimeoutError';

/**
 * Makes an API client: every answer is checked against its schema on arrival, and
 * every failure (no connection, a timeout, a refusal, an answer of the wrong shape)
 * comes back as one ApiError instead of a throw.
 */
export function createApiClient(deps: ApiClientDeps): ApiClient {
  return async <T>(schema: z.ZodMiniType<T>, path: string, call: ApiCall = {}) => {
    let response: Response;
    try {
      response = await deps.fetch(`${deps.baseUrl}${path}`, requestInit(call));
    } catch (error) {
      return isTimeout(error)
        ? failure('timeout', 'The server took too long to answer', 0)
        : failure('offline', 'No connection', 0);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = schema.safeParse(body);
      return parsed.success
        ? { ok: true, value: parsed.data, status: response.status }
        : failure('unreadable', 'The server sent an answer this app cannot read', response.status);
    }
    const wait =
      response.status === 503 || response.status === 429
        ? retryAfterMs(response.headers.get('retry-after'), deps.now())
        : null;
    const error = ErrorBody.safeParse(body);
    return error.success
      ? failure(error.data.error.code, error.data.error.message, response.status, {
          details: error.data.error.details ?? [],
          retryAfterMs: wait,
        })
      : failure(
          codeOfStatus(response.status),
          `The server answered ${response.status}`,
          response.status,
          {
            retryAfterMs: wait,
          },
        );
  };
}

/** The page's own API, through the browser's fetch (looked up per call, so tests may stub it). */
export const api: ApiClient = createApiClient({
  fetch: (input, init) => fetch(input, init),
  baseUrl: '',
  now: () => new Date(),
});
