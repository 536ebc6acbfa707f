import { useEffect } from 'preact/hooks';
import { countProgress, queueVisits, roomQueue } from '../../../shared/round-rules';
import { updatePrefs } from '../../data/prefs';
import { useRoundServices } from './use-rounds';
import { hrefFor } from '../shell/route';
import { mayPlan, mayReadCalibration, mayWalk } from './permissions';
import { RoomQueue } from './RoomQueue';
import { RoundProgressLine } from './RoundProgressLine';
import { VisitPanel } from './VisitPanel';
import { useProtocolVersion } from '../../data/protocol-hooks';

/** Walking a round: the open visit if there is one (a reload resumes it), else my queue. */
export function RoundWalk({ id }: { id: string }) {
  const { store, rounds } = useRoundServices();
  const round = rounds.useRound(id);
  const progress = rounds.useRoundProgress(id);
  const pinned = useProtocolVersion(store, round?.protocolId ?? '', round?.protocolVersion ?? 0);
  useEffect(() => {
    void updatePrefs({ roundId: id });
  }, [id]);

  if (round === undefined || progress === undefined) return <p class="screen muted">Loading…</p>;
  if (round === null) {
    return (
      <section class="screen">
        <h2>Round not found</h2>
        <p>
          It is not on this device yet. <a href={hrefFor({ name: 'rounds' })}>Back to rounds</a>
        </p>
      </section>
    );
  }
  const user = store.user;
  const queue = roomQueue(round, queueVisits(round, progress), user.id);
  const visit = progress.openVisit;
  const school = user.schools.find((s) => s.id === round.schoolId)?.name ?? '';
  return (
    <section class="screen walk" aria-labelledby="walk-title">
      <header class="capture-head">
        <div>
          <h2 id="walk-title">{round.name}</h2>
          <p class="muted">
            {school} · {pinned?.protocol.name ?? round.protocolId} v{round.protocolVersion} · about{' '}
            {round.targetMinutes} min a room
          </p>
        </div>
        {round.calibration === true && mayReadCalibration(user, round) && (
          <a class="button" href={hrefFor({ name: 'round-calibration', id: round.id })}>
            Calibration
          </a>
        )}
        {mayPlan(user, round.schoolId) && (
          <a class="button" href={hrefFor({ name: 'round-plan', id: round.id })}>
            Plan
          </a>
        )}
      </header>
      <RoundProgressLine counts={countProgress(round, progress.visitedRoomIds, user.id)} />
      {round.purpose &&
        (visit ? (
          // In the room the look-fors need the space: the purpose folds away.
          <details class="purpose-box">
            <summary>Purpose, shared with staff</summary>
            <p>{round.purpose}</p>
          </details>
        ) : (
          <div class="purpose-box">
            <h3>Purpose, shared with staff</h3>
            <p>{round.purpose}</p>
          </div>
        ))}
      {!mayWalk(user, round) ? (
        <p class="muted">
          You are not on this round's team. Its records name rooms, never teachers.
        </p>
      ) : visit ? (
        <VisitPanel
          round={round}
          visit={visit}
          protocol={pinned === undefined ? undefined : (pinned?.protocol ?? null)}
          more={queue.some((r) => r.id !== visit.roomId)}
        />
      ) : round.status === 'closed' ? (
        <p class="banner info">
          This round is closed.{' '}
          <a href={hrefFor({ name: 'results', roundId: round.id })}>See its results</a>, and print
          them as a one-page summary for staff.
        </p>
      ) : (
        <RoomQueue round={round} queue={queue} />
      )}
    </section>
  );
}
