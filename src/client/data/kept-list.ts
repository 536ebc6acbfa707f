import { get, set } from 'idb-keyval';
import * as z from 'zod/mini';
import type { ApiResult } from '../api/client';

/**
 * A small list the server answers (the coaches one may invite, the colleagues one may
 * calibrate with), kept as a preference so a form can be filled in offline once the
 * list was seen. The kept copy is checked again when read back: a stale or broken
 * copy counts as none.
 */
export async function keptList<T>(
  item: z.ZodMiniType<T>,
  key: string,
  ask: () => Promise<ApiResult<T[]>>,
): Promise<T[]> {
  const result = await ask();
  if (result.ok) {
    await set(key, result.value).catch(() => undefined);
    return result.value;
  }
  const cached = z.array(item).safeParse(await get(key).catch(() => undefined));
  return cached.success ? cached.data : [];
}
