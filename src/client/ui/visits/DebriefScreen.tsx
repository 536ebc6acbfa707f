import { sharedPartsOf, type SharedNote } from '../../../shared/visits';
import { useServices } from '../app-context';
import { useVisitStore } from './use-visit-store';
import { NoteText } from './NoteText';
import { SharedNoteView } from './SharedNoteView';
import { visitHref } from './visit-route';
import { useProtocolVersion } from '../../data/protocol-hooks';

/**
 * Host and observer side by side: what the observer shared, and both reflections.
 * The observer sees what the host reads; the host sees only what was shared.
 */
export function DebriefScreen({ id }: { id: string }) {
  const { store, now } = useServices();
  const visits = useVisitStore();
  const view = visits.useVisit(id);
  const fromServer = visits.useSharedNotes(id);
  const note = visits.useNote(id);
  const reflections = visits.useReflections(id) ?? [];
  const visit = view?.visit;
  const pinned = useProtocolVersion(store, visit?.protocolId ?? '', visit?.protocolVersion ?? 0);
  if (view === undefined) return <p class="screen muted">Loading…</p>;
  if (!visit) return <p class="screen">This visit is not on this device.</p>;
  const me = store.user.id;
  const host = visit.hostId === me;
  if (!host && visit.observerId !== me) {
    return <p class="screen">Only the host and the observer of a visit see its debrief.</p>;
  }
  // The observer's own device knows what it shares even before the server answers.
  const shared: SharedNote[] =
    !host && note && note.status === 'complete'
      ? [sharedPartsOf(note, visit.hostId, now().toISOString())]
      : (fromServer ?? []);
  const other = host ? (visit.observerName ?? 'The observer') : visit.hostName;
  const mine = reflections.find((r) => r.authorId === me);
  const theirs = reflections.find((r) => r.authorId !== me);
  return (
    <section class="screen debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title">
        Debrief · {visit.hostName}, {visit.place}
      </h2>
      <p class="focus-question">
        <span class="muted">Focus: </span>
        {visit.focus}
      </p>
      <h3>
        {host ? `What ${other} shared with you` : `What ${visit.hostName} reads of your notes`}
      </h3>
      {shared.length === 0 ? (
        <p class="muted">
          {host
            ? `Nothing shared yet. ${other} chooses what to share after the visit.`
            : 'Nothing shared: tick parts on the "Glow, wonder and sharing" screen.'}
        </p>
      ) : (
        shared.map((s) => <SharedNoteView key={s.noteId} shared={s} protocol={pinned?.protocol} />)
      )}
      <div class="side-by-side">
        <div>
          <NoteText
            id="my-reflection"
            label={`Your reflection (${other} reads it)`}
            value={mine?.text ?? ''}
            onChange={(text) => void visits.reflect(id, text)}
          />
        </div>
        <div class="notes">
          <h3 class="notes-label">{other}'s reflection</h3>
          <p class="note-text">{theirs?.text || <span class="muted">Not written yet.</span>}</p>
        </div>
      </div>
      <p>
        <a href={visitHref({ screen: 'visit', id })}>Back to the visit</a>
      </p>
    </section>
  );
}
