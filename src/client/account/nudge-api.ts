import { SchoolNudges } from '../../shared/answers/nudges';
import type { NudgeList } from '../../shared/evidence/nudges';
import { call } from './admin-api';

/** A school's judgement words (the starter list until its principal edits them). */
export const schoolNudges = (schoolId: string) =>
  call(SchoolNudges, `/api/schools/${encodeURIComponent(schoolId)}/nudges`);

export const saveSchoolNudges = (schoolId: string, words: NudgeList) =>
  call(SchoolNudges, `/api/schools/${encodeURIComponent(schoolId)}/nudges`, {
    method: 'PUT',
    body: { words },
  });
