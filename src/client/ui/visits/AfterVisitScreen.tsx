import { shareableParts, type VisitNote } from '../../../shared/visits';
import { useVisitStore } from './use-visit-store';
import { partLabels } from './format';
import { NoteText } from './NoteText';
import { visitHref } from './visit-route';

const filled = (note: VisitNote, part: (typeof shareableParts)[number]) =>
  part === 'responses' ? Object.keys(note.responses).length > 0 : note[part].trim() !== '';

/**
 * After the visit: one glow, one wonder, an explicit choice per part of what the
 * host may read, and a private reflection that is never shared.
 */
export function AfterVisitScreen({ id }: { id: string }) {
  const visits = useVisitStore();
  const view = visits.useVisit(id);
  const note = visits.useNote(id);
  if (view === undefined || note === undefined) return <p class="screen muted">Loading…</p>;
  if (!view || !note) {
    return (
      <section class="screen">
        <h2>Afterwards</h2>
        <p>
          There are no notes for this visit on this device.{' '}
          <a href={visitHref({ screen: 'visit', id })}>Back to the visit</a>
        </p>
      </section>
    );
  }
  const host = view.visit.hostName;
  const edit = (change: (n: VisitNote) => VisitNote) => void visits.updateNote(note.id, change);
  return (
    <section class="screen after-visit" aria-labelledby="after-title">
      <h2 id="after-title">After your visit to {host}</h2>
      <NoteText
        id="note-glow"
        label="One glow"
        hint="Something that worked, described as you saw it."
        rows={3}
        value={note.glow}
        onChange={(glow) => edit((n) => ({ ...n, glow }))}
      />
      <NoteText
        id="note-wonder"
        label="One wonder"
        hint="A question the visit left you with."
        rows={3}
        value={note.wonder}
        onChange={(wonder) => edit((n) => ({ ...n, wonder }))}
      />
      <fieldset class="share-choices" aria-describedby="share-hint">
        <legend>Share with {host}</legend>
        <p class="muted" id="share-hint">
          {host} reads only what you tick here, once you have finished the visit. Nobody else does:
          not the principal, not an admin.
        </p>
        {shareableParts.map((part) => (
          <label key={part} class="check" for={`share-${part}`}>
            <input
              id={`share-${part}`}
              type="checkbox"
              checked={note.share[part]}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                edit((n) => ({ ...n, share: { ...n.share, [part]: checked } }));
              }}
            />
            {partLabels[part]}
            {!filled(note, part) && <span class="muted"> (empty)</span>}
          </label>
        ))}
        <label class="check" for="share-photos">
          <input
            id="share-photos"
            type="checkbox"
            checked={note.share.photos === true}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              edit((n) => ({ ...n, share: { ...n.share, photos: checked } }));
            }}
          />
          Share photos
          {!note.photos?.length && <span class="muted"> (none)</span>}
        </label>
      </fieldset>
      <NoteText
        id="note-reflection"
        label="What I will try in my room"
        hint="Private: only you ever read this."
        value={note.reflection}
        onChange={(reflection) => edit((n) => ({ ...n, reflection }))}
      />
      <div class="capture-actions">
        <a class="button" href={visitHref({ screen: 'notes', id })}>
          Back to my notes
        </a>
        <a class="button primary big" href={visitHref({ screen: 'debrief', id })}>
          Debrief
        </a>
      </div>
      <p class="saved-note muted">Saved on this device as you type.</p>
    </section>
  );
}
