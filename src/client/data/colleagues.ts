import { Colleague, ColleagueList } from '../../shared/answers/calibration';
import { api } from '../api/client';
import { keptList } from './kept-list';

export type { Colleague } from '../../shared/answers/calibration';

/**
 * The colleagues (active staff of my schools) I may name as calibration partner;
 * the last list seen works offline.
 */
export const loadColleagues = (userId: string): Promise<Colleague[]> =>
  keptList(Colleague, `lookfor-colleagues-${userId}`, async () => {
    const result = await api(ColleagueList, '/api/calibration/colleagues');
    return result.ok ? { ...result, value: result.value.colleagues } : result;
  });
