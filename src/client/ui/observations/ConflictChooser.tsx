import type { Observation } from '../../../shared/observation';
import { responseLabels } from '../../../shared/protocol';
import type { ResponseValue } from '../../../shared/response';
import type { ObservationView } from '../../data/observations';
import { useServices } from '../app-context';
import '../conflict/conflict.css';

function describe(value: ResponseValue): string {
  if (typeof value === 'string') return responseLabels[value];
  if ('level' in value) return value.level;
  if ('count' in value) return String(value.count);
  if ('choices' in value) return value.choices.join(' + ');
  return 'text' in value ? `"${value.text}"` : `"${value.quote}"`;
}

function Summary({ observation }: { observation: Observation }) {
  const answered = Object.values(observation.responses);
  return (
    <div class="version-body">
      <p>
        {answered.length} {answered.length === 1 ? 'look-for' : 'look-fors'} answered
        {answered.length > 0 && `: ${answered.map(describe).join(', ')}`}
      </p>
      <p class="version-notes">{observation.notes || <em>No notes</em>}</p>
    </div>
  );
}

/** Both versions side by side; nothing is overwritten until the user picks one. */
export function ConflictChooser({ view }: { view: ObservationView }) {
  const { store } = useServices();
  const ids = view.conflicts.map((c) => c.id);
  const keep = (chosen: Observation) => void store.keepVersion(chosen, ids);
  return (
    <section class="banner attention" aria-labelledby="conflict-title">
      <h3 id="conflict-title">This observation was changed on two devices</h3>
      <p>Both versions are kept. Choose the one to keep; editing resumes once you have chosen.</p>
      <div class="versions">
        <article class="version">
          <h4>Current version</h4>
          <Summary observation={view.observation} />
          <button type="button" class="button" onClick={() => keep(view.observation)}>
            Keep current version
          </button>
        </article>
        {view.conflicts.map((c) => (
          <article class="version" key={c.id}>
            <h4>Other version, saved {new Date(c.createdAt).toLocaleString()}</h4>
            <Summary observation={c.data} />
            <button type="button" class="button" onClick={() => keep(c.data)}>
              Keep this version
            </button>
          </article>
        ))}
      </div>
    </section>
  );
}
