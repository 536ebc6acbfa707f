import { get, set } from 'idb-keyval';
import * as z from 'zod/mini';
import { Coach, CoachList } from '../../shared/answers/visits';
import { api } from '../api/client';

export type { Coach } from '../../shared/answers/visits';

const key = (userId: string) => `lookfor-coaches-${userId}`;

/**
 * The coaches a teacher may invite. Asked of the server when online and kept as a
 * small preference, so an invitation can be written offline once it was seen.
 * The kept list is checked again when read back: a stale or broken copy counts as none.
 */
export async function loadCoaches(userId: string): Promise<Coach[]> {
  const result = await api(CoachList, '/api/visits/coaches');
  if (result.ok) {
    await set(key(userId), result.value.coaches).catch(() => undefined);
    return result.value.coaches;
  }
  const cached = z.array(Coach).safeParse(await get(key(userId)).catch(() => undefined));
  return cached.success ? cached.data : [];
}
