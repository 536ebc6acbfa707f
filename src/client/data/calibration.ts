import type * as z from 'zod/mini';
import { CalibrationReport, PairList, PairReport } from '../../shared/answers/calibration';
import { api } from '../api/client';

/** A calibration answer as a screen shows it: the answer, or a sentence to show instead. */
export type Loaded<T> = { ok: true; report: T } | { ok: false; message: string };
export type CalibrationResult = Loaded<CalibrationReport>;

const OFFLINE =
  'No connection: the agreement is worked out on the server from everyone’s synced visits. Try again when online.';

/**
 * Calibration is read from the server each time: it is built from every observer's
 * synced visits, which this device does not hold.
 */
async function load<T>(schema: z.ZodMiniType<T>, path: string): Promise<Loaded<T>> {
  const result = await api(schema, path);
  if (result.ok) return { ok: true, report: result.value };
  return { ok: false, message: result.error.code === 'offline' ? OFFLINE : result.error.message };
}

/** How a calibration round's observers agreed. */
export const loadCalibration = (roundId: string): Promise<CalibrationResult> =>
  load(CalibrationReport, `/api/calibration/${encodeURIComponent(roundId)}`);

/** The colleagues I named as calibration partner, with the rooms matched so far. */
export const loadPartners = (): Promise<Loaded<PairList>> =>
  load(PairList, '/api/calibration/pairs');

/** How a colleague and I agreed on the rooms we visited together. */
export const loadPairReport = (partnerId: string): Promise<Loaded<PairReport>> =>
  load(PairReport, `/api/calibration/pairs/${encodeURIComponent(partnerId)}`);
