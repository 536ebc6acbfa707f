import { roomName } from '../../../shared/room-name';
import { useState } from 'preact/hooks';
import { PAGE_SIZE, type ObservationFilter } from '../../data/observation-page';
import { gradeLabel } from './labels';
import { useServices } from '../app-context';
import { hrefFor } from '../shell/route';
import { lazyScreen } from '../shell/lazy';
import { SyncBadge } from './SyncBadge';
import { shownDateTime } from '../dates';
import './observations.css';

// The filter fields load on first use: the list is the first screen and its budget is tight.
const ObservationFilters = lazyScreen(() =>
  import('./ObservationFilters').then((m) => m.ObservationFilters),
);

/** My observations, newest first, a page at a time; only the pages shown are in the page. */
export function ObservationList() {
  const { store } = useServices();
  const [filter, setFilter] = useState<ObservationFilter>({});
  const [pages, setPages] = useState(1);
  const [filtering, setFiltering] = useState(false);
  const page = store.useObservationPage(filter, pages * PAGE_SIZE);
  const pull = store.usePullProgress();
  const active = Object.values(filter).filter(Boolean).length;
  const change = (next: ObservationFilter) => {
    setFilter(next);
    setPages(1);
  };
  return (
    <section
      class="screen"
      aria-labelledby="list-title"
      aria-busy={!page?.current}
      data-testid="observations"
      data-ready={page?.current ? 'true' : 'false'}
    >
      <a class="button primary big" href={hrefFor({ name: 'start' })}>
        Start an observation
      </a>
      <div class="list-head">
        <h2 id="list-title">My observations</h2>
        <div class="list-actions">
          <a class="button" href="#/calibration">
            Calibration partners
          </a>
          <button
            type="button"
            class="button"
            aria-expanded={filtering}
            onClick={() => setFiltering(!filtering)}
          >
            {active ? `Filters (${active})` : 'Filter'}
          </button>
        </div>
      </div>
      {pull && (
        <p class="banner info" role="status" data-testid="pull-progress">
          Fetching your notes… {pull.percent}%. Notes already here are listed below.
        </p>
      )}
      {filtering && <ObservationFilters value={filter} onChange={change} />}
      {page === undefined ? (
        <p class="muted">Loading…</p>
      ) : page.views.length === 0 ? (
        <p class="muted">
          {active
            ? 'No observations on this device match these filters.'
            : 'No observations on this device yet. They are saved here as you tap, and sync when there is a connection.'}
        </p>
      ) : (
        <ul class="cards" data-testid="observation-list">
          {page.views.map(({ observation: o, syncState }) => (
            <li key={o.id} data-testid="observation-row">
              <a class="card" href={hrefFor({ name: 'observe', id: o.id })}>
                <span class="card-title">
                  {roomName(o.room)} · {gradeLabel(o.gradeBand)} · {o.subject}
                </span>
                <span class="card-meta">
                  {o.school} · {shownDateTime(o.startedAt)} ·{' '}
                  {o.status === 'draft' ? 'Draft' : 'Finished'}
                </span>
                <SyncBadge state={syncState} />
              </a>
            </li>
          ))}
        </ul>
      )}
      {page?.hasMore && (
        <button type="button" class="button more" onClick={() => setPages(pages + 1)}>
          Show more
        </button>
      )}
    </section>
  );
}
