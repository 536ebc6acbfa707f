import { get, set } from 'idb-keyval';
import * as z from 'zod/mini';

export const Coach = z.object({ schoolId: z.string(), id: z.string(), name: z.string() });
export type Coach = z.infer<typeof Coach>;
const CoachList = z.object({ coaches: z.array(Coach) });

const key = (userId: string) => `lookfor-coaches-${userId}`;

/**
 * The coaches a teacher may invite. Asked of the server when online and kept as a
 * small preference, so an invitation can be written offline once it was seen.
 */
export async function loadCoaches(userId: string): Promise<Coach[]> {
  try {
    const response = await fetch('/api/visits/coaches', { cache: 'no-store' });
    const parsed = CoachList.safeParse(await response.json());
    if (response.ok && parsed.success) {
      await set(key(userId), parsed.data.coaches).catch(() => undefined);
      return parsed.data.coaches;
    }
  } catch {
    // Offline: the list seen last is good enough to write an invitation.
  }
  const cached = z.array(Coach).safeParse(await get(key(userId)).catch(() => undefined));
  return cached.success ? cached.data : [];
}
