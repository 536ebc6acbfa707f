import { useState } from 'preact/hooks';
import type { StaffPick } from '../../../shared/dashboard';
import { removeFromStaff, shareWithStaff } from '../../data/staff-evidence';

/**
 * A leader's editor for one note on its way to the staff view: prefilled with the
 * whole note, to be trimmed to what staff need. The server keeps it only if it is
 * still part of the note.
 */
export function ShareEditor({
  note,
  roundId,
  lookForId,
  editorId,
  onDone,
}: {
  note: string;
  roundId: string;
  /** Set when the text is a student quote of this look-for; a note otherwise. */
  lookForId: string | null;
  editorId: string;
  onDone: (shared: boolean) => void;
}) {
  const [text, setText] = useState(note);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const share = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await shareWithStaff(
      lookForId === null
        ? { roundId, kind: 'note', text }
        : { roundId, kind: 'quote', lookForId, text },
    );
    setBusy(false);
    if (result.ok) onDone(true);
    else setError(result.message);
  };
  return (
    <form class="share-editor" onSubmit={(e) => void share(e)}>
      <div class="field">
        <label for={editorId}>Text staff will read</label>
        <p class="muted small" id={`${editorId}-hint`}>
          Trim anything that could point at one classroom. Only words from this note can be shared.
        </p>
        <textarea
          id={editorId}
          rows={3}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          aria-describedby={`${editorId}-hint${error ? ` ${editorId}-error` : ''}`}
          aria-invalid={error ? true : undefined}
        />
        {error && (
          <p class="field-error" id={`${editorId}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary small" disabled={busy}>
          Share
        </button>
        <button type="button" class="button small" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** What staff read of this round, each with a Remove button for the leader. */
export function SharedWithStaff({
  picks,
  onChanged,
}: {
  picks: readonly StaffPick[];
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const remove = async (pick: StaffPick) => {
    const result = await removeFromStaff(pick);
    if (result.ok) {
      setError(null);
      onChanged();
    } else setError(result.message);
  };
  return (
    <section class="staff-picks" aria-labelledby="staff-picks-title">
      <h4 id="staff-picks-title">Shared with staff</h4>
      {picks.length === 0 ? (
        <p class="muted">Nothing yet: staff see no notes of this round until you share one.</p>
      ) : (
        <ul>
          {picks.map((pick) => (
            <li key={pick.id}>
              <span>
                {pick.kind === 'quote' && <span class="muted">Student quote: </span>}
                {pick.text}
              </span>
              <button
                type="button"
                class="button small danger no-print"
                aria-label={`Remove from staff view: ${pick.text}`}
                onClick={() => void remove(pick)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
