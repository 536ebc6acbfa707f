import { useEffect } from 'preact/hooks';
import { countProgress, queueVisits, roomQueue } from '../../../shared/round-rules';
import { updatePrefs } from '../../data/prefs';
import { useRoundServices } from './use-rounds';
import { hrefFor } from '../shell/route';
import { mayPlan, mayReadCalibration, mayWalk } from './permissions';
import { RoomQueue } from './RoomQueue';
import { RoundSummary } from './RoundSummary';
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

  // Wait for the protocol too: its name and look-fors arriving later would move the page.
  if (round === undefined || progress === undefined || (round !== null && pinned === undefined)) {
    return <p class="screen muted">Loading…</p>;
  }
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
      <RoundSummary
        round={round}
        about={`${school} · ${pinned?.protocol.name ?? round.protocolId} v${round.protocolVersion} · about ${round.targetMinutes} min a room`}
        counts={countProgress(round, progress.visitedRoomIds, user.id)}
        mayPlan={mayPlan(user, round.schoolId)}
        mayCalibrate={round.calibration === true && mayReadCalibration(user, round)}
        folded={visit !== null && mayWalk(user, round)}
      />
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
