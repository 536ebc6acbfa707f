import './calibration.css';
import { useEffect, useState } from 'preact/hooks';
import { loadCalibration, type CalibrationResult } from '../../data/calibration';
import { hrefFor } from '../shell/route';
import { AgreementTable } from './AgreementTable';
import { DisagreementList } from './DisagreementList';

const WAITING =
  'Agreement appears once both observers’ visits to the same room have arrived. Each observer syncs as usual; check back after everyone has synced.';

/**
 * How a calibration round's observers agreed, per look-for, and where they did not,
 * for the team's calibration conversation. No teacher appears, and no observer is
 * ranked: the figures are about the look-fors.
 */
export function CalibrationScreen({ roundId }: { roundId: string }) {
  const [result, setResult] = useState<CalibrationResult | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let current = true;
    void loadCalibration(roundId).then((r) => current && setResult(r));
    return () => {
      current = false;
    };
  }, [roundId, asked]);

  const report = result?.ok ? result.report : null;
  const disagreements = report?.lookFors.filter((l) => l.disagreements.length > 0) ?? [];
  return (
    <section class="screen calibration" aria-labelledby="calibration-title">
      <div class="toolbar">
        <h2 id="calibration-title">Calibration{report ? `: ${report.roundName}` : ''}</h2>
        <a class="button" href={hrefFor({ name: 'round', id: roundId })}>
          Back to the round
        </a>
        <button type="button" class="button" onClick={() => setAsked((n) => n + 1)}>
          Refresh
        </button>
      </div>
      <p class="muted">
        How often the team recorded the same answer in the same room. For a calibration
        conversation: no teacher is named and no observer is ranked.
      </p>
      {result === null ? (
        <p class="muted">Loading…</p>
      ) : !result.ok ? (
        <p class="banner attention" role="alert">
          {result.message}
        </p>
      ) : report && report.rooms === 0 ? (
        <p class="banner info">{WAITING}</p>
      ) : report ? (
        <>
          <p class="calibration-summary">
            {report.rooms} {report.rooms === 1 ? 'room' : 'rooms'} visited together by{' '}
            {report.observers.join(', ')}.
          </p>
          <AgreementTable report={report} />
          <h3>Where you differed</h3>
          {disagreements.length === 0 ? (
            <p class="muted">Every room got the same answers from everyone.</p>
          ) : (
            <DisagreementList lookFors={disagreements} />
          )}
        </>
      ) : null}
    </section>
  );
}
