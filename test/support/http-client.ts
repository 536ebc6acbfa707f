import { expect } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/auth/session';
import { ErrorBody, type ErrorCode } from '../../src/shared/errors';

/** Anything with Hono's `request`: the app under test, driven without a port. */
export interface RequestTarget {
  request: (input: string, init?: RequestInit, env?: object) => Response | Promise<Response>;
}

export interface ClientOptions {
  /** Where the requests go; an https URL makes the server see a secure request. */
  baseUrl?: string;
  /** The remote address the server sees, as @hono/node-server reports it. */
  address?: string;
  /** Send no Origin header on unsafe requests (browsers send one; other tools may not). */
  omitOrigin?: boolean;
}

export interface HttpClient {
  get: (path: string, headers?: Record<string, string>) => Promise<Response>;
  /** Sends `body` as JSON with content-type application/json, like the PWA does. */
  post: (path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
  request: (path: string, init?: RequestInit) => Promise<Response>;
  /** The session cookie value this client holds; tests may set it to replay an old one. */
  session: string | null;
}

/** The session cookie a response sets, as raw `Set-Cookie` text. */
export function sessionSetCookie(res: Response): string | undefined {
  return res.headers.getSetCookie().find((h) => h.startsWith(`${SESSION_COOKIE}=`));
}

/** Cookie attributes, lower-cased names: `{ httponly: '', samesite: 'Lax', ... }`. */
export function cookieAttributes(setCookie: string): Record<string, string> {
  const [, ...parts] = setCookie.split(';');
  return Object.fromEntries(
    parts.map((part) => {
      const [name = '', ...value] = part.trim().split('=');
      return [name.toLowerCase(), value.join('=')];
    }),
  );
}

/** A browser-like client: keeps `lookfor_session` from Set-Cookie and sends it back. */
export function httpClient(target: RequestTarget, options: ClientOptions = {}): HttpClient {
  const baseUrl = options.baseUrl ?? 'http://localhost';
  const env = options.address
    ? { incoming: { socket: { remoteAddress: options.address, remoteFamily: 'IPv4' } } }
    : undefined;

  const client: HttpClient = {
    session: null,
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (client.session !== null && !headers.has('cookie')) {
        headers.set('cookie', `${SESSION_COOKIE}=${client.session}`);
      }
      const method = (init.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && !options.omitOrigin && !headers.has('origin')) {
        headers.set('origin', new URL(baseUrl).origin);
      }
      const res = await target.request(new URL(path, baseUrl).href, { ...init, headers }, env);
      const set = sessionSetCookie(res);
      if (set !== undefined) {
        const value = set.slice(SESSION_COOKIE.length + 1).split(';')[0] ?? '';
        const ended = value === '' || cookieAttributes(set)['max-age'] === '0';
        client.session = ended ? null : decodeURIComponent(value);
      }
      return res;
    },
    get: (path, headers = {}) => client.request(path, { headers }),
    post: (path, body, headers = {}) =>
      client.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
  return client;
}

/** Error answers carry the shared shape, and nothing about the server's insides. */
export async function expectError(
  res: Response,
  status: number,
  code: ErrorCode,
): Promise<ErrorBody> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expectNoInternals(text);
  const body = ErrorBody.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

/** No stack frames, file paths or SQL in what a client can read. */
export function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  expect(text).not.toMatch(/\.(ts|js|mjs|cjs):\d+/);
  expect(text).not.toMatch(/node_modules|\/src\/server/);
  expect(text).not.toMatch(/\b(select|insert into|update \w+ set|delete from)\b/i);
  expect(text).not.toMatch(/sqlite|postgres|constraint|relation "|syntax error/i);
  expect(text).not.toMatch(/TypeError|ReferenceError|SqliteError|DatabaseError/);
}
