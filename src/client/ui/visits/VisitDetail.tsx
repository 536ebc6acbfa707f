import type { Visit } from '../../../shared/visits';
import { useServices } from '../app-context';
import { useVisitStore } from './use-visit-store';
import { download } from '../shell/download';
import { RejectionBanner } from '../shell/RejectionBanner';
import { BookOffer } from './BookOffer';
import { visitWhen } from './format';
import { goToVisit, visitHref } from './visit-route';

async function saveCalendarFile(visit: Visit) {
  const { visitCalendarFile } = await import('../../../shared/visit-calendar');
  const file = visitCalendarFile(visit);
  download(file.name, file.text, 'text/calendar');
}

function coverageText(v: Visit): string | null {
  if (!v.needsCoverage) return null;
  return v.coverageArranged ? 'Substitute arranged' : 'Substitute asked for, not arranged yet';
}

/** One visit: logistics, the focus, and what this person can do with it. */
export function VisitDetail({ id }: { id: string }) {
  const { store } = useServices();
  const visits = useVisitStore();
  const view = visits.useVisit(id);
  const note = visits.useNote(id);
  if (view === undefined) return <p class="screen muted">Loading…</p>;
  if (view === null) {
    return (
      <section class="screen">
        <h2>Visit not found</h2>
        <p>
          It is not on this device yet. <a href={visitHref({ screen: 'home' })}>Back to visits</a>
        </p>
      </section>
    );
  }
  const v = view.visit;
  const me = store.user.id;
  const host = v.hostId === me;
  const observer = v.observerId === me;
  const open = v.kind === 'peer' && v.observerId === null && !v.cancelled && !host;
  const cover = coverageText(v);
  return (
    <section class="screen visit" aria-labelledby="visit-title">
      <h2 id="visit-title">
        {v.kind === 'peer' ? 'Peer visit' : 'Coaching visit'} · {host ? 'your room' : v.hostName},{' '}
        {v.place}
      </h2>
      <RejectionBanner
        title="The server did not accept your last change to this visit"
        rejections={view.rejections}
      />
      {view.rejections.length > 0 && (
        <button type="button" class="button" onClick={() => void visits.acceptRefusal(id)}>
          OK, show the visit as it is
        </button>
      )}
      <dl class="facts">
        <dt>When</dt>
        <dd>{visitWhen(v)}</dd>
        <dt>{v.kind === 'peer' ? 'Observer' : 'Coach'}</dt>
        <dd>{v.observerName ?? 'Open: nobody has booked yet'}</dd>
        {cover && (
          <>
            <dt>Coverage</dt>
            <dd>{cover}</dd>
          </>
        )}
        {v.cancelled && (
          <>
            <dt>Status</dt>
            <dd>Cancelled by the host</dd>
          </>
        )}
      </dl>
      <div class="focus-box">
        <h3>What I'd like you to notice</h3>
        <p>{v.focus}</p>
      </div>
      {view.waiting && (
        <p class="muted">Saved on this device; it syncs when there is a connection.</p>
      )}
      {open && (
        <ul class="offers">
          <BookOffer visit={v} />
        </ul>
      )}
      <div class="toolbar">
        {observer && !v.cancelled && (
          <button
            type="button"
            class="button primary big"
            onClick={() =>
              void visits
                .startNote(v)
                .then((note) => note && goToVisit({ screen: 'notes', id: v.id }))
            }
          >
            {note ? 'Continue my notes' : 'Take notes'}
          </button>
        )}
        {observer && (
          <a class="button" href={visitHref({ screen: 'after', id: v.id })}>
            Glow, wonder and sharing
          </a>
        )}
        {(host || observer) && v.observerId !== null && (
          <a class="button" href={visitHref({ screen: 'debrief', id: v.id })}>
            Debrief
          </a>
        )}
        {v.observerId !== null && !v.cancelled && (host || observer) && (
          <button type="button" class="button" onClick={() => void saveCalendarFile(v)}>
            Add to calendar (.ics)
          </button>
        )}
        {observer && v.kind === 'peer' && !v.cancelled && (
          <button
            type="button"
            class="button danger"
            onClick={() => void visits.cancelBooking(v.id)}
          >
            Cancel my booking
          </button>
        )}
        {host && !v.cancelled && (
          <button type="button" class="button danger" onClick={() => void visits.cancelVisit(v.id)}>
            Cancel this visit
          </button>
        )}
      </div>
      <p>
        <a href={visitHref({ screen: 'home' })}>Back to visits</a>
      </p>
    </section>
  );
}
