import { Coach, CoachList } from '../../shared/answers/visits';
import { api } from '../api/client';
import { keptList } from './kept-list';

export type { Coach } from '../../shared/answers/visits';

/** The coaches a teacher may invite; the last list seen works offline. */
export const loadCoaches = (userId: string): Promise<Coach[]> =>
  keptList(Coach, `lookfor-coaches-${userId}`, async () => {
    const result = await api(CoachList, '/api/visits/coaches');
    return result.ok ? { ...result, value: result.value.coaches } : result;
  });
