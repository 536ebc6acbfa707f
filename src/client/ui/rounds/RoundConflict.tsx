import type { Round } from '../../../shared/rounds';
import type { RoundConflict as Sibling } from '../../data/rounds';
import { useRoundServices } from './use-rounds';
import { VersionChooser } from '../conflict/VersionChooser';

function Summary({ round }: { round: Round }) {
  const assigned = round.rooms.filter((r) => r.assignedTo !== null).length;
  return (
    <p>
      {round.name} · {round.team.length} on the team · {round.rooms.length} rooms ({assigned}{' '}
      assigned) · {round.status === 'closed' ? 'closed' : 'planned'} · edited{' '}
      {new Date(round.updatedAt).toLocaleString()}
    </p>
  );
}

/** Two planners changed the plan at once: both versions are kept until someone chooses. */
interface Props {
  current: Round;
  siblings: Sibling[];
  /** Planning goes on from the version kept. */
  onKept: (round: Round) => void;
}

export function RoundConflict({ current, siblings, onKept }: Props) {
  const { rounds } = useRoundServices();
  return (
    <VersionChooser
      titleId="round-conflict"
      title="This plan was changed on two devices"
      resumes="planning"
      current={current}
      others={siblings}
      summary={(round) => <Summary round={round} />}
      onKeep={(round, ids) =>
        void rounds.keepRoundVersion(round, ids).then((ok) => ok !== null && onKept(round))
      }
    />
  );
}
