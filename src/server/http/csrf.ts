import type { MiddlewareHandler } from 'hono';
import { sendError } from './errors';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/**
 * Cross-site request forgery cannot reach a state-changing route: every one takes
 * JSON only (a cross-site form cannot send it without a CORS preflight, which this
 * server never grants), and a browser's Origin or Sec-Fetch-Site must say the
 * request came from this site.
 */
export const csrfGuard = (): MiddlewareHandler => async (c, next) => {
  if (!unsafe.has(c.req.method)) return next();
  const origin = c.req.header('origin');
  // Compare hosts, not whole origins: behind a TLS proxy the server itself sees http.
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
  if (origin && hostOf(origin) !== host) {
    return sendError(c, 403, 'forbidden', 'Requests from another site are refused');
  }
  if (c.req.header('sec-fetch-site') === 'cross-site') {
    return sendError(c, 403, 'forbidden', 'Requests from another site are refused');
  }
  const type = c.req.header('content-type') ?? '';
  // A photo's bytes go up as the image they are; like JSON, no cross-site form can send that type.
  const photo = c.req.method === 'PUT' && /^image\/(jpeg|png|webp)$/i.test(type.trim());
  if (!photo && !/^application\/json\b/i.test(type)) {
    return sendError(c, 415, 'unsupported_media_type', 'Send this request as application/json');
  }
  return next();
};
