import './calibration.css';
import { loadPairReport } from '../../data/calibration';
import { hrefFor } from '../shell/route';
import { AgreementSection } from './AgreementSection';
import { WAITING } from './format';
import { useLoaded } from './use-loaded';
import { LoadingLine } from '../shell/LoadingLine';

/**
 * How a colleague and I agreed on the rooms we visited together outside rounds, one
 * part per protocol version we used, with every disagreement beside both notes.
 * For the two of us only; no teacher appears and no observer is ranked.
 */
export function PairScreen({ partnerId }: { partnerId: string }) {
  const [result, refresh] = useLoaded(loadPairReport, partnerId);
  const report = result?.ok ? result.report : null;
  return (
    <section class="screen calibration" aria-labelledby="pair-title">
      <div class="toolbar">
        <h2 id="pair-title">Calibration{report ? ` with ${report.partnerName}` : ''}</h2>
        <a class="button" href={hrefFor({ name: 'pairs' })}>
          All partners
        </a>
        <button type="button" class="button" onClick={refresh}>
          Refresh
        </button>
      </div>
      <p class="muted">
        How often you both recorded the same answer in the same room. For your calibration
        conversation: only the two of you see it, no teacher is named and no observer is ranked.
      </p>
      {result === null ? (
        <LoadingLine />
      ) : !result.ok ? (
        <p class="banner attention" role="alert">
          {result.message}
        </p>
      ) : report && report.protocols.length === 0 ? (
        <p class="banner info">{WAITING}</p>
      ) : (
        report?.protocols.map((p) => (
          <section
            key={`${p.protocolId}-${p.protocolVersion}`}
            class="pair-protocol"
            aria-label={`${p.protocolName}, version ${p.protocolVersion}`}
          >
            {report.protocols.length > 1 && (
              <h3>
                {p.protocolName} <small class="muted">v{p.protocolVersion}</small>
              </h3>
            )}
            <AgreementSection report={p} />
          </section>
        ))
      )}
    </section>
  );
}
