import type { Evidence } from '../../../shared/dashboard';
import { hiddenLabel } from './format';

/** Low-inference notes from the visits in scope: what was seen, beside the numbers. */
export function EvidencePanel({
  evidence,
  threshold,
}: {
  evidence: Evidence | null;
  threshold: number;
}) {
  return (
    <aside class="evidence" aria-labelledby="evidence-title">
      <h3 id="evidence-title">What observers noted</h3>
      {evidence === null ? (
        <p class="muted">Loading…</p>
      ) : evidence.suppressed ? (
        <p class="suppressed">
          {hiddenLabel(threshold)} in this view: notes stay hidden so none can be traced to a room.
        </p>
      ) : evidence.notes.length === 0 ? (
        <p class="muted">No notes in this view.</p>
      ) : (
        <ul>
          {evidence.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      <p class="muted small">
        Notes are shown without observer, room, time, grade or subject, sorted by their text.
      </p>
    </aside>
  );
}
