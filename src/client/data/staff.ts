import { StaffList } from '../../shared/staff';
import { createApiClient } from '../api/client';
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
  const api = createApiClient({ fetch: fetcher, baseUrl: '', now: () => new Date() });
  const result = await api(StaffList, `/api/schools/${encodeURIComponent(schoolId)}/staff`);
  if (!result.ok)
    return result.error.status === 0 || result.error.status >= 500 ? 'offline' : 'refused';
  if (result.value.schoolId !== schoolId) return 'refused';
  await setMeta(db, key(schoolId), result.value);
  return 'fresh';
}
