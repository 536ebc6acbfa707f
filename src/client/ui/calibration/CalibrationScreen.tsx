import './calibration.css';
import { loadCalibration } from '../../data/calibration';
import { hrefFor } from '../shell/route';
import { AgreementSection } from './AgreementSection';
import { WAITING } from './format';
import { useLoaded } from './use-loaded';
import { LoadingLine } from '../shell/LoadingLine';

/**
 * How a calibration round's observers agreed, per look-for, and where they did not,
 * for the team's calibration conversation. No teacher appears, and no observer is
 * ranked: the figures are about the look-fors.
 */
export function CalibrationScreen({ roundId }: { roundId: string }) {
  const [result, refresh] = useLoaded(loadCalibration, roundId);
  const report = result?.ok ? result.report : null;
  return (
    <section class="screen calibration" aria-labelledby="calibration-title">
      <div class="toolbar">
        <h2 id="calibration-title">Calibration{report ? `: ${report.roundName}` : ''}</h2>
        <a class="button" href={hrefFor({ name: 'round', id: roundId })}>
          Back to the round
        </a>
        <button type="button" class="button" onClick={refresh}>
          Refresh
        </button>
      </div>
      <p class="muted">
        How often the team recorded the same answer in the same room. For a calibration
        conversation: no teacher is named and no observer is ranked.
      </p>
      {result === null ? (
        <LoadingLine />
      ) : !result.ok ? (
        <p class="banner attention" role="alert">
          {result.message}
        </p>
      ) : report && report.rooms === 0 ? (
        <p class="banner info">{WAITING}</p>
      ) : report ? (
        <AgreementSection report={report} />
      ) : null}
    </section>
  );
}
