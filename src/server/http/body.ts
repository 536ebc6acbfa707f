import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { issuesToFields } from '../../shared/errors';
import { readJson, sendError } from './errors';

/** Reads a JSON body and validates it; on failure the answer is a 400 naming each field. */
export async function parseBody<T extends z.ZodMiniType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  const body = await readJson(c);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    return {
      ok: false,
      response: sendError(
        c,
        400,
        'invalid_request',
        'Some fields need attention',
        issuesToFields(parsed.error),
      ),
    };
  }
  return { ok: true, value: parsed.data };
}
