import * as z from 'zod/mini';
import { NudgeList } from '../evidence/nudges';

/** `GET`/`PUT /api/schools/:id/nudges`: the judgement words a school's notes are checked against. */
export const SchoolNudges = z.object({
  schoolId: z.uuid(),
  words: NudgeList,
  /** False while the school uses the starter list. */
  custom: z.boolean(),
});
export type SchoolNudges = z.infer<typeof SchoolNudges>;

/** The body of `PUT /api/schools/:id/nudges`; an empty list turns the nudges off. */
export const NudgeListUpdate = z.object({ words: NudgeList });
export type NudgeListUpdate = z.infer<typeof NudgeListUpdate>;
