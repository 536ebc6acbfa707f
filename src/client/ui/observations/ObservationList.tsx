import { gradeLabel } from './labels';
import { useServices } from '../app-context';
import { hrefFor } from '../shell/route';
import { SyncBadge } from './SyncBadge';

const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ObservationList() {
  const { store } = useServices();
  const observations = store.useObservations();
  return (
    <section class="screen" aria-labelledby="list-title">
      <a class="button primary big" href={hrefFor({ name: 'start' })}>
        Start an observation
      </a>
      <h2 id="list-title">My observations</h2>
      {observations === undefined ? (
        <p class="muted">Loading…</p>
      ) : observations.length === 0 ? (
        <p class="muted">
          No observations on this device yet. They are saved here as you tap, and sync when there is
          a connection.
        </p>
      ) : (
        <ul class="cards">
          {observations.map(({ observation: o, syncState }) => (
            <li key={o.id}>
              <a class="card" href={hrefFor({ name: 'observe', id: o.id })}>
                <span class="card-title">
                  Room {o.room} · {gradeLabel(o.gradeBand)} · {o.subject}
                </span>
                <span class="card-meta">
                  {o.school} · {time(o.startedAt)} · {o.status === 'draft' ? 'Draft' : 'Finished'}
                </span>
                <SyncBadge state={syncState} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
