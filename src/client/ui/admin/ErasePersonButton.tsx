import { useState } from 'preact/hooks';
import type { ErasureAnswer } from '../../../shared/answers/retention';
import type { DirectoryPerson } from '../../../shared/staff-directory';
import { erasePersonData } from '../../account/retention-api';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';

interface Props {
  person: DirectoryPerson;
  onErased: (message: string) => void;
  onProblem: (message: string) => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the admin reads once a person's data is gone: counts, never content. */
export function erasedMessage(name: string, counts: ErasureAnswer): string {
  return (
    `${name}'s data is deleted: ${plural(counts.notes, 'note', 'notes')}, ` +
    `${plural(counts.observations, 'observation', 'observations')} outside rounds, ` +
    `${plural(counts.photos, 'photo', 'photos')}; ` +
    `${plural(counts.sessions, 'session', 'sessions')} ended.`
  );
}

/**
 * A district admin deletes a person's data on request, after a confirmation that says
 * what goes and what stays. It cannot be undone; the audit log records it.
 */
export function ErasePersonButton({ person, onErased, onProblem }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const erase = async () => {
    setAsking(false);
    setBusy(true);
    const result = await erasePersonData(person.userId);
    setBusy(false);
    if (result.ok) onErased(erasedMessage(person.name, result.value));
    else onProblem(result.message);
  };
  return (
    <>
      <button
        type="button"
        class="button small danger"
        disabled={busy}
        aria-label={`Delete data of ${person.name}`}
        onClick={() => setAsking(true)}
      >
        Delete data
      </button>
      {asking && (
        <ConfirmDialog
          title={`Delete ${person.name}'s data?`}
          confirmLabel="Delete their data"
          onConfirm={() => void erase()}
          onCancel={() => setAsking(false)}
        >
          <p>
            This deletes their peer visit notes, reflections, observations outside rounds and the
            photos they took, on the server and on every device; signs them out everywhere; and
            removes their name and email. It cannot be undone.
          </p>
          <p>
            Their visits in Blast Walkthrough rounds stay, named "Deleted person", and so do the
            dashboard's anonymous counts. The audit log records who did this and when.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
