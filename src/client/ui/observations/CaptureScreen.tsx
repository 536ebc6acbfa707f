import { roomName } from '../../../shared/room-name';
import { allLookFors } from '../../../shared/protocol';
import { answeredCount, finishObservation, setResponse } from '../../../shared/observation-rules';
import { useServices } from '../app-context';
import { RejectionBanner } from '../shell/RejectionBanner';
import { focusNextScreenHeading } from '../shell/focus';
import { hrefFor, navigate } from '../shell/route';
import { ConflictChooser } from './ConflictChooser';
import { gradeLabel } from './labels';
import { ContextLine } from '../capture/ContextLine';
import { ElapsedTimer } from '../capture/ElapsedTimer';
import { ProtocolSheet } from '../capture/ProtocolSheet';
import { NotesField } from './NotesField';
import { SyncBadge } from './SyncBadge';
import { useProtocolVersion } from '../../data/protocol-hooks';
import { NotePhotos } from '../photos';

/** Tapping look-fors in the room. Every tap and keystroke is saved before anything else. */
export function CaptureScreen({ id }: { id: string }) {
  const { store, now } = useServices();
  const view = store.useObservation(id);
  const pinned = useProtocolVersion(
    store,
    view?.observation.protocolId ?? '',
    view?.observation.protocolVersion ?? 0,
  );

  // The whole screen waits for its protocol too: look-fors arriving after the notes
  // would push them down (the layout shift issue #14 measured on this screen).
  if (view === undefined || (view !== null && pinned === undefined)) {
    return <p class="screen muted">Loading…</p>;
  }
  if (view === null) {
    return (
      <section class="screen">
        <h2>Observation not found</h2>
        <p>
          It is not on this device. <a href={hrefFor({ name: 'list' })}>Back to my observations</a>
        </p>
      </section>
    );
  }
  const { observation } = view;
  const protocol = pinned?.protocol;
  const finished = observation.status === 'complete';
  // While two versions wait for a choice, edits would only add a third.
  const locked = finished || view.conflicts.length > 0;

  return (
    <section class="screen capture" aria-labelledby="capture-title">
      <ContextLine
        heading={
          <h2 id="capture-title">
            {roomName(observation.room)} · {gradeLabel(observation.gradeBand)} ·{' '}
            {observation.subject}
          </h2>
        }
        answered={protocol ? answeredCount(observation, protocol) : null}
        total={protocol ? allLookFors(protocol).length : 0}
        timer={<ElapsedTimer startedAt={observation.startedAt} endedAt={observation.endedAt} />}
      />
      <div class="capture-meta">
        <p class="muted">
          {protocol?.name ?? observation.protocolId} v{observation.protocolVersion} ·{' '}
          {observation.school}
        </p>
        <SyncBadge state={view.syncState} />
      </div>

      <RejectionBanner
        title="The server could not accept this observation"
        rejections={view.rejections}
        advice="It is kept on this device. Edit it to fix the problem, or export it from the sync status in the top bar."
      />
      {view.conflicts.length > 0 && <ConflictChooser view={view} />}

      {protocol ? (
        <ProtocolSheet
          protocol={protocol}
          responses={observation.responses}
          disabled={locked}
          onChange={(lookForId, value) =>
            store.update(id, (current) => setResponse(current, lookForId, value))
          }
        />
      ) : pinned === null ? (
        <p class="banner attention">
          This observation uses {observation.protocolId} version {observation.protocolVersion},
          which is not on this device yet. It is kept; sync to bring the protocol here.
        </p>
      ) : null}

      <NotesField
        key={observation.id}
        value={observation.notes}
        readOnly={locked}
        onChange={(notes) => void store.update(id, (current) => ({ ...current, notes }))}
      />
      <NotePhotos
        entity="observation"
        recordId={id}
        record={observation}
        schools={store.user.schools}
        readOnly={locked}
        refusedForPhotos={view.rejections.some((r) => r.path === 'photos')}
      />

      <div class="capture-actions">
        <a class="button" href={hrefFor({ name: 'list' })}>
          {finished ? 'Back' : 'Save and leave'}
        </a>
        {!locked && (
          <button
            type="button"
            class="button primary big"
            onClick={() =>
              void store
                .update(id, (current) => finishObservation(current, now()))
                .then((ok) => {
                  if (!ok) return;
                  focusNextScreenHeading();
                  navigate({ name: 'list' });
                })
            }
          >
            Finish observation
          </button>
        )}
      </div>
      <p class="saved-note muted">Saved on this device as you tap.</p>
    </section>
  );
}
