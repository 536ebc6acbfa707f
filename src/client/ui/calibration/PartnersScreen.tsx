import './calibration.css';
import { loadPartners } from '../../data/calibration';
import { hrefFor } from '../shell/route';
import { useLoaded } from './use-loaded';
import { LoadingLine } from '../shell/LoadingLine';

const NONE =
  'No calibration partners yet. To calibrate with a colleague, both of you start an observation of the same room at the same time and choose each other under “Calibrating with”.';

/**
 * My calibration partners outside rounds: colleagues we have visited rooms with,
 * each linking to how we agreed, and those whose notes have not arrived yet. Nobody
 * else sees these pairs, and no one is ranked.
 */
export function PartnersScreen() {
  const [result, refresh] = useLoaded(loadPartners, 'mine');
  const partners = result?.ok ? result.report.partners : [];
  const matched = partners.filter((p) => p.rooms > 0);
  const waiting = partners.filter((p) => p.rooms === 0);
  return (
    <section class="screen calibration" aria-labelledby="partners-title">
      <div class="toolbar">
        <h2 id="partners-title">My calibration partners</h2>
        <a class="button" href={hrefFor({ name: 'list' })}>
          Back to my observations
        </a>
        <button type="button" class="button" onClick={refresh}>
          Refresh
        </button>
      </div>
      <p class="muted">
        Colleagues you visited rooms with to compare how you record the same lesson. Only the two of
        you see how you agreed: no teacher is named and no observer is ranked.
      </p>
      {result === null ? (
        <LoadingLine />
      ) : !result.ok ? (
        <p class="banner attention" role="alert">
          {result.message}
        </p>
      ) : partners.length === 0 ? (
        <p class="banner info">{NONE}</p>
      ) : (
        <>
          {matched.length > 0 && (
            <ul class="cards" aria-label="Partners with rooms visited together">
              {matched.map((p) => (
                <li key={p.partnerId}>
                  <a class="card" href={hrefFor({ name: 'pairs', partnerId: p.partnerId })}>
                    <span class="card-title">{p.name}</span>
                    <span class="card-meta">
                      {p.rooms} {p.rooms === 1 ? 'room' : 'rooms'} visited together: see how you
                      agreed
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
          {waiting.length > 0 && (
            <>
              <h3>Waiting for their notes</h3>
              <p class="muted">
                You chose them, but no visit of theirs to the same room, choosing you, has synced
                yet. Agreement appears once both have arrived.
              </p>
              <ul class="partner-waiting">
                {waiting.map((p) => (
                  <li key={p.partnerId}>{p.name}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
