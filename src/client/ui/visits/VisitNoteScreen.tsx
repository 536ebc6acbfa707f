import { allLookFors } from '../../../shared/protocol';
import { finishNote, setNoteResponse } from '../../../shared/visit-rules';
import type { VisitNote } from '../../../shared/visits';
import { useServices } from '../app-context';
import { useVisitStore } from './use-visit-store';
import { ProtocolSheet } from '../capture/ProtocolSheet';
import { NoteText } from './NoteText';
import { goToVisit, visitHref } from './visit-route';
import { useProtocolVersion } from '../../data/protocol-hooks';
import { NotePhotos } from '../photos';

type TextPart = 'notes' | 'teacherDoing' | 'studentsDoing' | 'wonderings';
const parts: Array<{ part: TextPart; label: string; hint?: string }> = [
  {
    part: 'notes',
    label: 'Noticings',
    hint: 'Describe what you see and hear, not a judgement: "4 of 6 pairs compared strategies".',
  },
  { part: 'teacherDoing', label: 'Teacher doing' },
  { part: 'studentsDoing', label: 'Students doing' },
  { part: 'wonderings', label: 'Wonderings' },
];

/** The observer in the room: the host's focus on top, every tap and keystroke saved. */
export function VisitNoteScreen({ id }: { id: string }) {
  const { store, now } = useServices();
  const visits = useVisitStore();
  const view = visits.useVisit(id);
  const note = visits.useNote(id);
  const pinned = useProtocolVersion(store, note?.protocolId ?? '', note?.protocolVersion ?? 0);
  if (view === undefined || note === undefined) return <p class="screen muted">Loading…</p>;
  if (view === null || view.visit.observerId !== store.user.id) {
    return (
      <section class="screen">
        <h2>Notes</h2>
        <p>
          Only the observer of a visit takes notes on it.{' '}
          <a href={visitHref({ screen: 'home' })}>Back to visits</a>
        </p>
      </section>
    );
  }
  const v = view.visit;
  if (note === null) {
    return (
      <section class="screen">
        <h2>Notes on {v.hostName}'s room</h2>
        <button type="button" class="button primary big" onClick={() => void visits.startNote(v)}>
          Start taking notes
        </button>
      </section>
    );
  }
  const edit = (change: (n: VisitNote) => VisitNote) => void visits.updateNote(note.id, change);
  return (
    <section class="screen capture visit-notes" aria-labelledby="notes-title">
      <div class="focus-box" role="note" aria-label="The host's focus">
        <h2 id="notes-title">
          {v.hostName}, {v.place}
        </h2>
        <p class="focus-label">What I'd like you to notice</p>
        <p class="focus-question">{v.focus}</p>
      </div>
      <p class="muted">
        Only you read these notes. Afterwards you choose what to share with {v.hostName}.
      </p>
      {parts.map(({ part, label, hint }) => (
        <NoteText
          key={part}
          id={`note-${part}`}
          label={label}
          {...(hint ? { hint } : {})}
          value={note[part]}
          // Wonderings are where advice belongs; what was seen is where judgement slips in.
          nudges={part !== 'wonderings'}
          onChange={(text) => edit((n) => ({ ...n, [part]: text }))}
        />
      ))}
      {pinned?.protocol ? (
        <details class="look-fors-box">
          <summary>
            Look-fors: {pinned.protocol.name} ({Object.keys(note.responses).length} of{' '}
            {allLookFors(pinned.protocol).length} answered, optional)
          </summary>
          <ProtocolSheet
            protocol={pinned.protocol}
            responses={note.responses}
            disabled={false}
            onChange={(lookForId, value) => edit((n) => setNoteResponse(n, lookForId, value))}
          />
        </details>
      ) : null}
      <NotePhotos
        entity="visit-note"
        recordId={note.id}
        record={note}
        schools={store.user.schools}
        readOnly={false}
      />
      <div class="capture-actions">
        <a class="button" href={visitHref({ screen: 'visit', id })}>
          Save and leave
        </a>
        <button
          type="button"
          class="button primary big"
          onClick={() =>
            void visits
              .updateNote(note.id, (n) => finishNote(n, now()))
              .then((ok) => ok && goToVisit({ screen: 'after', id }))
          }
        >
          {note.status === 'complete' ? 'Afterwards' : 'Finish the visit'}
        </button>
      </div>
      <p class="saved-note muted">Saved on this device as you type.</p>
    </section>
  );
}
