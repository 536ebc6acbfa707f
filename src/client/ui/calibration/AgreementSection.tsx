import type { AgreementReport } from '../../../shared/answers/calibration';
import { AgreementTable } from './AgreementTable';
import { DisagreementList } from './DisagreementList';

/**
 * One calibration's figures: who visited how many rooms together, agreement per
 * look-for, then where the observers differed. A round's and a pair's screen both
 * show it; neither names a teacher or ranks an observer.
 */
export function AgreementSection({ report }: { report: AgreementReport }) {
  const disagreements = report.lookFors.filter((l) => l.disagreements.length > 0);
  return (
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
  );
}
