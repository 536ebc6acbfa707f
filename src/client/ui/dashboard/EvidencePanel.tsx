import type { Evidence } from '../../../shared/dashboard';
import { hiddenText } from './format';

/** How many notes the one-page print keeps; the screen shows them all. */
const PRINTED_NOTES = 10;

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
          {hiddenText(evidence, threshold)} in this view: notes stay hidden so none can be traced to
          a room.
        </p>
      ) : evidence.notes.length === 0 ? (
        <p class="muted">No notes in this view.</p>
      ) : (
        <>
          <ul>
            {evidence.notes.map((note, i) => (
              <li key={i} class={i >= PRINTED_NOTES ? 'screen-only' : undefined}>
                {note}
              </li>
            ))}
          </ul>
          {evidence.notes.length > PRINTED_NOTES && (
            <p class="print-only muted small">
              …and {evidence.notes.length - PRINTED_NOTES} more notes in Lookfor.
            </p>
          )}
        </>
      )}
      <p class="muted small">
        Notes are shown without observer, room, time, grade or subject, sorted by their text.
      </p>
    </aside>
  );
}
