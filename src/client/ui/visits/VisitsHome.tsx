import { openOffers, visitsOf } from '../../../shared/visit-rules';
import { useServices } from '../app-context';
import { useVisitStore } from './use-visit-store';
import { BookOffer } from './BookOffer';
import { useVisitSchool } from './use-visit-school';
import { VisitCard } from './VisitCard';
import { visitHref } from './visit-route';
import { LoadingLine } from '../shell/LoadingLine';

/** Open doors of my school, my visits as host and as observer, and what to do next. */
export function VisitsHome() {
  const { store, now } = useServices();
  const data = useVisitStore();
  const visits = data.useVisits();
  const schools = store.user.memberships;
  const [school, setSchoolId, schoolRead] = useVisitSchool();
  const schoolId = school?.schoolId ?? '';
  const principal = schools.some((m) => m.role === 'principal');
  const at = now();
  const offers = (visits ? openOffers(visits, schoolId, at) : []).filter(
    (v) => v.hostId !== store.user.id,
  );
  const mine = visitsOf(visits ?? [], store.user.id, at);

  // One loading line until the school and the visits are known, then all at once:
  // filling in part by part pushed the lists down the screen.
  if (visits === undefined || !schoolRead)
    return (
      <section class="screen visits" aria-labelledby="visits-title">
        <h2 id="visits-title">Visits</h2>
        <LoadingLine />
      </section>
    );
  return (
    <section class="screen visits" aria-labelledby="visits-title">
      <h2 id="visits-title">Visits</h2>
      <div class="toolbar">
        {school && (
          <a class="button primary" href={visitHref({ screen: 'new', kind: 'peer' })}>
            Open my door
          </a>
        )}
        {school && school.role !== 'coach' && (
          <a class="button" href={visitHref({ screen: 'new', kind: 'coaching' })}>
            Invite a coach
          </a>
        )}
        {principal && (
          <a class="button" href={visitHref({ screen: 'coverage' })}>
            Sub coverage
          </a>
        )}
      </div>
      {schools.length > 1 && (
        <div class="field">
          <label for="visits-school">School</label>
          <select
            id="visits-school"
            value={schoolId}
            onChange={(e) => setSchoolId(e.currentTarget.value)}
          >
            {schools.map((m) => (
              <option key={m.schoolId} value={m.schoolId}>
                {m.schoolName}
              </option>
            ))}
          </select>
        </div>
      )}
      {!school ? (
        <p class="muted">Visits are between staff of a school; you are not on a school's staff.</p>
      ) : (
        <>
          <h3>Open doors at {school.schoolName}</h3>
          {offers.length === 0 ? (
            <p class="muted">No open doors right now. Offers appear here after a sync.</p>
          ) : (
            <ul class="offers">
              {offers.map((v) => (
                <BookOffer key={v.id} visit={v} />
              ))}
            </ul>
          )}
        </>
      )}
      <h3>My visits</h3>
      {mine.upcoming.length === 0 ? (
        <p class="muted">Nothing coming up.</p>
      ) : (
        <ul class="cards">
          {mine.upcoming.map((v) => (
            <li key={v.id}>
              <VisitCard visit={v} userId={store.user.id} />
            </li>
          ))}
        </ul>
      )}
      {mine.past.length > 0 && (
        <>
          <h3>Earlier visits</h3>
          <ul class="cards">
            {mine.past.map((v) => (
              <li key={v.id}>
                <VisitCard visit={v} userId={store.user.id} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
