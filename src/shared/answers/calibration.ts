import * as z from 'zod/mini';

/** One observer's answer in a room where the observers disagreed. */
const DisagreementAnswer = z.object({
  observer: z.string(),
  answer: z.string(),
  notes: z.string(),
});

/** How observers who visited the same rooms agreed, per look-for: a round's or a pair's. */
export const AgreementReport = z.object({
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
export type AgreementReport = z.infer<typeof AgreementReport>;

/** `GET /api/calibration/:roundId`: how often the round's observers agreed, per look-for. */
export const CalibrationReport = z.object({
  roundId: z.uuid(),
  roundName: z.string(),
  ...AgreementReport.shape,
});
export type CalibrationReport = z.infer<typeof CalibrationReport>;

/**
 * `GET /api/calibration/pairs/:partnerId`: how the caller and a colleague who named
 * each other agreed, one report per protocol version they used together.
 */
export const PairReport = z.object({
  partnerId: z.uuid(),
  partnerName: z.string(),
  protocols: z.array(
    z.object({
      protocolId: z.string(),
      protocolVersion: z.int(),
      protocolName: z.string(),
      ...AgreementReport.shape,
    }),
  ),
});
export type PairReport = z.infer<typeof PairReport>;

/** `GET /api/calibration/pairs`: the colleagues I named, and the rooms matched so far. */
export const PairList = z.object({
  partners: z.array(z.object({ partnerId: z.uuid(), name: z.string(), rooms: z.int() })),
});
export type PairList = z.infer<typeof PairList>;

/** A colleague I may name as calibration partner, in one of my schools. */
export const Colleague = z.object({ schoolId: z.string(), id: z.string(), name: z.string() });
export type Colleague = z.infer<typeof Colleague>;

/** `GET /api/calibration/colleagues`: who I may name as calibration partner, per school. */
export const ColleagueList = z.object({ colleagues: z.array(Colleague) });
export type ColleagueList = z.infer<typeof ColleagueList>;
