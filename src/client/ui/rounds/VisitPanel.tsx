import type { Observation } from '../../../shared/observation';
import { allLookFors, type Protocol } from '../../../shared/protocol';
import { answeredCount, setResponse } from '../../../shared/observation-rules';
import { roomLabel } from '../../../shared/round-rules';
import type { Round } from '../../../shared/rounds';
import { useRoundServices } from './use-rounds';
import { ContextLine } from '../capture/ContextLine';
import { ProtocolSheet } from '../capture/ProtocolSheet';
import { NotesField } from '../observations/NotesField';
import { hrefFor } from '../shell/route';
import { VisitTimer } from './VisitTimer';
import { NotePhotos } from '../photos';

interface Props {
  round: Round;
  visit: Observation;
  /** undefined while loading; null when this device lacks the version. */
  protocol: Protocol | null | undefined;
  /** Rooms still waiting after this one, for the button's words. */
  more: boolean;
}

/** One classroom: a tap per look-for, optional notes, then on to the next room. */
export function VisitPanel({ round, visit, protocol, more }: Props) {
  const { store, rounds } = useRoundServices();
  return (
    <section class="visit" aria-labelledby="visit-title">
      <ContextLine
        heading={<h3 id="visit-title">{roomLabel(visit)}</h3>}
        answered={protocol ? answeredCount(visit, protocol) : null}
        total={protocol ? allLookFors(protocol).length : 0}
        timer={<VisitTimer startedAt={visit.startedAt} targetMinutes={round.targetMinutes} />}
      />
      {protocol ? (
        <ProtocolSheet
          protocol={protocol}
          responses={visit.responses}
          disabled={false}
          onChange={(lookForId, value) =>
            store.update(visit.id, (current) => setResponse(current, lookForId, value))
          }
        />
      ) : protocol === undefined ? (
        <p class="muted">Loading the protocol…</p>
      ) : (
        <p class="banner attention">
          The round's protocol ({round.protocolId} v{round.protocolVersion}) is not on this device
          yet. Sync to bring it here; this visit is kept.
        </p>
      )}
      <NotesField
        key={visit.id}
        value={visit.notes}
        readOnly={false}
        onChange={(notes) => void store.update(visit.id, (current) => ({ ...current, notes }))}
      />
      <NotePhotos
        entity="observation"
        recordId={visit.id}
        record={visit}
        schools={store.user.schools}
        readOnly={false}
      />
      <div class="walk-bar">
        <a class="button" href={hrefFor({ name: 'rounds' })}>
          Leave for now
        </a>
        <button
          type="button"
          class="button primary big"
          onClick={() => void rounds.finishAndNext(round, visit.id)}
        >
          {more ? 'Finish and next room' : 'Finish visit'}
        </button>
      </div>
    </section>
  );
}
