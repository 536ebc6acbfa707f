import { coverageList } from '../../../shared/visit-rules';
import { useServices } from '../app-context';
import { useVisitStore } from './use-visit-store';
import { visitWhen } from './format';
import { visitHref } from './visit-route';
import { LoadingLine } from '../shell/LoadingLine';

/** The principal's list of visits that need a substitute: logistics only, never notes. */
export function CoverageScreen() {
  const { store, now } = useServices();
  const data = useVisitStore();
  const visits = data.useVisits();
  const schoolIds = store.user.memberships
    .filter((m) => m.role === 'principal')
    .map((m) => m.schoolId);
  if (schoolIds.length === 0) {
    return <p class="screen">Sub coverage is arranged by a school's principal.</p>;
  }
  const items = visits ? coverageList(visits, schoolIds, now()) : [];
  return (
    <section class="screen coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Sub coverage</h2>
      <p class="muted">
        Upcoming peer visits whose observer needs a substitute. You see who, when and where; what
        anyone writes about a visit stays between the observer and the host.
      </p>
      {visits === undefined ? (
        <LoadingLine />
      ) : items.length === 0 ? (
        <p class="muted">No visit needs coverage right now.</p>
      ) : (
        <ul class="cards coverage-list">
          {items.map((item) => (
            <li key={item.visitId} class="card coverage-item">
              <span class="card-title">
                {item.observerName} visits {item.hostName}, {item.place}
              </span>
              <span class="card-meta">{visitWhen(item)}</span>
              <label class="check" for={`arranged-${item.visitId}`}>
                <input
                  id={`arranged-${item.visitId}`}
                  type="checkbox"
                  checked={item.arranged}
                  onChange={(e) => void data.markCoverage(item.visitId, e.currentTarget.checked)}
                />
                Substitute arranged
              </label>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={visitHref({ screen: 'home' })}>Back to visits</a>
      </p>
    </section>
  );
}
