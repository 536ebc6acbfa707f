import * as z from 'zod/mini';
import { RetentionSettings } from '../retention';

/** `GET`/`PUT /api/settings/retention` answer with the settings in force. */
export const RetentionAnswer = RetentionSettings;
export type RetentionAnswer = RetentionSettings;

/** `POST /api/staff/:userId/erase`: what deleting a person's data removed (counts only). */
export const ErasureAnswer = z.object({
  /** Visit notes, shared notes and reflections. */
  notes: z.int(),
  /** Observations outside any round (those in a round stay, with no name on them). */
  observations: z.int(),
  photos: z.int(),
  sessions: z.int(),
});
export type ErasureAnswer = z.infer<typeof ErasureAnswer>;
