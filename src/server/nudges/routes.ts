import type { Kysely } from 'kysely';
import { NudgeListUpdate, type SchoolNudges } from '../../shared/answers/nudges';
import type { Database } from '../db/schema';
import { schoolSettingRoutes } from '../schools/school-setting-routes';
import { nudgesOf, setNudges } from './repository';

/**
 * A school's list of judgement words for the note nudges. Its staff read it (their
 * devices keep a copy for offline use); its principal or a district admin edits it,
 * as they decide the school's other settings. Mounted under `/api/schools`.
 */
export function nudgeRoutes(db: Kysely<Database>, now: () => Date) {
  return schoolSettingRoutes(db, now, {
    path: 'nudges',
    whoMayChange: 'Only the principal or a district admin edits the school’s judgement words',
    update: NudgeListUpdate,
    read: async (db, schoolId): Promise<SchoolNudges> => ({
      schoolId,
      ...(await nudgesOf(db, schoolId)),
    }),
    write: (trx, schoolId, { words }, userId, at) => setNudges(trx, schoolId, words, userId, at),
    audit: { action: 'nudges.updated', details: ({ words }) => ({ words: words.length }) },
    changed: (schoolId, { words }): SchoolNudges => ({ schoolId, words, custom: true }),
  });
}
