import { useState } from 'preact/hooks';
import type { Visit } from '../../../shared/visits';
import { useVisitStore } from './use-visit-store';
import { visitWhen } from './format';
import { goToVisit } from './visit-route';

/** An open-door offer a colleague may book, asking for a substitute if they need one. */
export function BookOffer({ visit: v }: { visit: Visit }) {
  const visits = useVisitStore();
  const [needsCoverage, setNeedsCoverage] = useState(false);
  const box = `cover-${v.id}`;
  return (
    <li class="offer">
      <h4 class="offer-title">
        {v.hostName}, {v.place}
      </h4>
      <p class="card-meta">{visitWhen(v)}</p>
      <p class="offer-focus">
        <span class="muted">What I'd like you to notice: </span>
        {v.focus}
      </p>
      <div class="offer-actions">
        <label class="check" for={box}>
          <input
            id={box}
            type="checkbox"
            checked={needsCoverage}
            onChange={(e) => setNeedsCoverage(e.currentTarget.checked)}
          />
          My class needs a substitute while I visit
        </label>
        <button
          type="button"
          class="button primary"
          aria-label={`Book this visit to ${v.hostName}, ${v.place}`}
          onClick={() =>
            void visits
              .book(v.id, needsCoverage)
              .then((ok) => ok && goToVisit({ screen: 'visit', id: v.id }))
          }
        >
          Book this visit
        </button>
      </div>
    </li>
  );
}
