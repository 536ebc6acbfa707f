import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorBody, type ErrorCode, type FieldIssue } from '../../shared/errors';

export function sendError(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  details?: FieldIssue[],
) {
  return c.json(errorBody(code, message, details), status);
}

/** Parses a JSON body, answering 400 with the shared shape when it is not JSON. */
export async function readJson(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      response: sendError(c, 400, 'bad_json', 'The request body is not valid JSON'),
    };
  }
}
