import * as z from 'zod/mini';
import { safeText } from './text-rules';
import { ResponseValue } from './response';
import { isoDateTime } from './time';
import { PhotoRefs } from './photos';

export const gradeBands = ['PreK', 'K-2', '3-5', '6-8', '9-12', 'Mixed'] as const;
export const GradeBand = z.enum(gradeBands, { error: 'Choose a grade band' });

const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .check(
      z.trim(),
      z.minLength(1, { error: `${label} is required` }),
      z.maxLength(max, { error: `${label} is at most ${max} characters` }),
      safeText(label),
    );

/** The room details an observer enters before tapping look-fors. */
export const ObservationSetup = z.object({
  /** The school the room is in; `school` is its name as shown. */
  schoolId: z.uuid({ error: 'Choose a school' }),
  school: requiredText('School', 120),
  room: requiredText('Room', 40),
  gradeBand: GradeBand,
  subject: requiredText('Subject', 60),
  observer: requiredText('Observer', 120),
  /**
   * A colleague of the same school visiting the same room at the same time to
   * calibrate (outside a round); optional, so records written before it still parse.
   * Who may be named is the server's rule (observation-policy.ts), kept out of this
   * schema because the first screen carries it.
   */
  calibrationPartnerId: z.optional(z.nullable(z.uuid({ error: 'Choose a colleague' }))),
});
export type ObservationSetup = z.infer<typeof ObservationSetup>;

export { isoDateTime };

/**
 * One visit to one room. Blast observations carry no teacher identity: there is
 * deliberately no field for one.
 */
export const Observation = z
  .object({
    id: z.uuid({ error: 'Must be a UUID' }),
    protocolId: z.string().check(z.minLength(1), z.maxLength(64)),
    protocolVersion: z.int().check(z.positive()),
    /** The signed-in user who observed; the server refuses any other. */
    observerId: z.uuid({ error: 'Must be a user id' }),
    ...ObservationSetup.shape,
    /** Set when the visit is part of a Blast Walkthrough round: the round and its room. */
    roundId: z.optional(z.nullable(z.uuid())),
    roomId: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
    startedAt: isoDateTime,
    endedAt: z.nullable(isoDateTime),
    responses: z.record(z.string().check(z.maxLength(64)), ResponseValue),
    notes: z
      .string()
      .check(
        z.maxLength(10_000, { error: 'Notes are at most 10,000 characters' }),
        safeText('Notes', true),
      ),
    status: z.enum(['draft', 'complete']),
    /** Photos of the work seen; the bytes travel on their own route (see photos.ts). */
    photos: z.optional(PhotoRefs),
  })
  .check(
    z.refine((o) => o.status === 'draft' || o.endedAt !== null, {
      error: 'A complete observation needs an end time',
      path: ['endedAt'],
    }),
    z.refine((o) => o.endedAt === null || Date.parse(o.endedAt) >= Date.parse(o.startedAt), {
      error: 'End time is before start time',
      path: ['endedAt'],
    }),
  );
export type Observation = z.infer<typeof Observation>;
