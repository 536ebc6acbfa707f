import { useState } from 'preact/hooks';
import type { Evidence } from '../../../shared/dashboard';
import { hiddenText } from './format';
import { ShareEditor, SharedWithStaff } from './ShareWithStaff';
import { LoadingLine } from '../shell/LoadingLine';

/** How many notes the one-page print keeps; the screen shows them all. */
const PRINTED_NOTES = 10;

type Shown = Exclude<Evidence, { suppressed: true }>;
type LeaderView = Extract<Shown, { staffView: false }>;

/**
 * Low-inference notes beside the numbers. Leaders read every note of the view and
 * choose (and may trim) what staff read of a round; everyone else reads only that.
 */
export function EvidencePanel({
  evidence,
  threshold,
  roundId,
  onChanged,
}: {
  evidence: Evidence | null;
  threshold: number;
  /** The round in view, if any: staff evidence is shared round by round. */
  roundId: string | null;
  onChanged: () => void;
}) {
  const staff = evidence !== null && !evidence.suppressed && evidence.staffView;
  return (
    <aside class="evidence" aria-labelledby="evidence-title">
      <h3 id="evidence-title">{staff ? 'Evidence your leaders shared' : 'What observers noted'}</h3>
      {evidence === null ? (
        <LoadingLine />
      ) : evidence.suppressed ? (
        <p class="suppressed">
          {hiddenText(evidence, threshold)} in this view: notes stay hidden so none can be traced to
          a room.
        </p>
      ) : evidence.staffView === true ? (
        <StaffNotes evidence={evidence} />
      ) : evidence.staffView === false ? (
        <LeaderNotes evidence={evidence} roundId={roundId} onChanged={onChanged} />
      ) : (
        // An answer kept on this device by an older version of the app: show none of it.
        <p class="muted">Reconnect to read the evidence of this view.</p>
      )}
    </aside>
  );
}

function PrintedList({ notes }: { notes: readonly string[] }) {
  return (
    <>
      <ul>
        {notes.map((note, i) => (
          <li key={i} class={i >= PRINTED_NOTES ? 'screen-only' : undefined}>
            {note}
          </li>
        ))}
      </ul>
      {notes.length > PRINTED_NOTES && (
        <p class="print-only muted small">
          …and {notes.length - PRINTED_NOTES} more notes in Lookfor.
        </p>
      )}
    </>
  );
}

function StaffNotes({ evidence }: { evidence: Extract<Shown, { staffView: true }> }) {
  return (
    <>
      {evidence.roundsOnly ? (
        <p class="muted">Your leaders share notes round by round: choose a round to read them.</p>
      ) : evidence.notes.length === 0 ? (
        <p class="muted">Your leaders have not shared any notes from this round yet.</p>
      ) : (
        <PrintedList notes={evidence.notes} />
      )}
      <p class="muted small">
        A principal or coach chose these from the round’s notes, without observer, room or time.
      </p>
    </>
  );
}

/** Notes (or one look-for's quotes), each with a way to share it with staff. */
function ShareableList({
  items,
  idPrefix,
  lookForId,
  roundId,
  onChanged,
}: {
  items: readonly string[];
  idPrefix: string;
  lookForId: string | null;
  roundId: string | null;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <ul class="leader-notes">
      {items.map((item, i) => (
        <li key={`${i}:${item}`}>
          <span>{lookForId === null ? item : `“${item}”`}</span>
          {roundId && editing !== i && (
            <button
              type="button"
              class="button small"
              aria-label={`Share with staff: ${item}`}
              onClick={() => setEditing(i)}
            >
              Share with staff
            </button>
          )}
          {roundId && editing === i && (
            <ShareEditor
              note={item}
              roundId={roundId}
              lookForId={lookForId}
              editorId={`${idPrefix}-${i}`}
              onDone={(shared) => {
                setEditing(null);
                if (shared) onChanged();
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

function LeaderNotes({
  evidence,
  roundId,
  onChanged,
}: {
  evidence: LeaderView;
  roundId: string | null;
  onChanged: () => void;
}) {
  return (
    <>
      {/* On paper, the summary for a staff meeting carries only what staff may read. */}
      <div class="screen-only">
        {evidence.notes.length === 0 ? (
          <p class="muted">No notes in this view.</p>
        ) : (
          <ShareableList
            items={evidence.notes}
            idPrefix="share-note"
            lookForId={null}
            roundId={roundId}
            onChanged={onChanged}
          />
        )}
        {evidence.quotes
          .filter((list) => list.quotes.length > 0)
          .map((list) => (
            <details key={list.lookForId} class="quotes">
              <summary>
                Student quotes: {list.text} ({list.quotes.length})
              </summary>
              <ShareableList
                items={list.quotes}
                idPrefix={`share-quote-${list.lookForId}`}
                lookForId={list.lookForId}
                roundId={roundId}
                onChanged={onChanged}
              />
            </details>
          ))}
        <p class="muted small">
          Notes are shown without observer, room, time, grade or subject, sorted by their text.
          Staff read only what you share with them.
        </p>
      </div>
      {roundId ? (
        <SharedWithStaff picks={evidence.picks ?? []} onChanged={onChanged} />
      ) : (
        <p class="muted small">Choose a round to share notes with staff.</p>
      )}
    </>
  );
}
