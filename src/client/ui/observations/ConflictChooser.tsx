import type { Observation } from '../../../shared/observation';
import { responseLabels } from '../../../shared/protocol';
import type { ResponseValue } from '../../../shared/response';
import type { ObservationView } from '../../data/observations';
import { useServices } from '../app-context';
import { VersionChooser } from '../conflict/VersionChooser';

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

/** An observation changed on two devices: both are kept until the user picks one. */
export function ConflictChooser({ view }: { view: ObservationView }) {
  const { store } = useServices();
  return (
    <VersionChooser
      titleId="conflict-title"
      title="This observation was changed on two devices"
      resumes="editing"
      current={view.observation}
      others={view.conflicts}
      summary={(observation) => <Summary observation={observation} />}
      otherLabel={(c) => `Other version, saved ${new Date(c.createdAt).toLocaleString()}`}
      onKeep={(chosen, ids) => void store.keepVersion(chosen, ids)}
    />
  );
}
