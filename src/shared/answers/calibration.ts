import * as z from 'zod/mini';

/** One observer's answer in a room where the observers disagreed. */
const DisagreementAnswer = z.object({
  observer: z.string(),
  answer: z.string(),
  notes: z.string(),
});

/** `GET /api/calibration/:roundId`: how often the round's observers agreed, per look-for. */
export const CalibrationReport = z.object({
  roundId: z.uuid(),
  roundName: z.string(),
  /** Rooms that two or more observers visited together. */
  rooms: z.int(),
  observers: z.array(z.string()),
  lookFors: z.array(
    z.object({
      lookForId: z.string(),
      text: z.string(),
      /** Rooms where every observer of the room answered it; 0 when none did. */
      rooms: z.int(),
      percent: z.nullable(z.number()),
      kappa: z.nullable(z.number()),
      method: z.nullable(z.enum(['cohen', 'fleiss'])),
      disagreements: z.array(z.object({ room: z.string(), answers: z.array(DisagreementAnswer) })),
    }),
  ),
});
export type CalibrationReport = z.infer<typeof CalibrationReport>;
