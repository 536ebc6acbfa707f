import { StaffList } from '../../shared/staff';
import type { LookforDb } from './db';
import { setMeta } from './meta';

const key = (schoolId: string) => `staff:${schoolId}`;

/** The last staff list this device received for a school, so planning works offline. */
export async function cachedStaff(db: LookforDb, schoolId: string): Promise<StaffList | null> {
  const row = await db.meta.get(key(schoolId));
  const parsed = StaffList.safeParse(row?.value);
  return parsed.success && parsed.data.schoolId === schoolId ? parsed.data : null;
}

export type StaffRefresh = 'fresh' | 'offline' | 'refused';

/** Asks the server for a school's staff and keeps the answer; a failure keeps the last one. */
export async function refreshStaff(
  db: LookforDb,
  schoolId: string,
  fetcher: typeof fetch,
): Promise<StaffRefresh> {
  let response: Response;
  try {
    response = await fetcher(`/api/schools/${encodeURIComponent(schoolId)}/staff`, {
      cache: 'no-store',
    });
  } catch {
    return 'offline';
  }
  if (!response.ok) return response.status >= 500 ? 'offline' : 'refused';
  const parsed = StaffList.safeParse(await response.json().catch(() => null));
  if (!parsed.success || parsed.data.schoolId !== schoolId) return 'refused';
  await setMeta(db, key(schoolId), parsed.data);
  return 'fresh';
}
