import { CalibrationReport } from '../../shared/answers/calibration';
import { api } from '../api/client';

/** A round's calibration as the screen shows it: the report, or a sentence to show instead. */
export type CalibrationResult =
  { ok: true; report: CalibrationReport } | { ok: false; message: string };

/**
 * How a calibration round's observers agreed. Read from the server each time: it is
 * built from every observer's synced visits, which this device does not hold.
 */
export async function loadCalibration(roundId: string): Promise<CalibrationResult> {
  const result = await api(CalibrationReport, `/api/calibration/${encodeURIComponent(roundId)}`);
  if (result.ok) return { ok: true, report: result.value };
  return {
    ok: false,
    message:
      result.error.code === 'offline'
        ? 'No connection: the agreement is worked out on the server from everyone’s synced visits. Try again when online.'
        : result.error.message,
  };
}
