import type { Round } from '../../../shared/rounds';
import type { RoundConflict as Sibling } from '../../data/rounds';
import { useRoundServices } from './use-rounds';
import '../conflict/conflict.css';

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
  const ids = siblings.map((s) => s.id);
  const keep = (round: Round) =>
    void rounds.keepRoundVersion(round, ids).then((ok) => ok !== null && onKept(round));
  return (
    <section class="banner attention" aria-labelledby="round-conflict">
      <h3 id="round-conflict">This plan was changed on two devices</h3>
      <p>Both versions are kept. Choose the one to keep; planning resumes once you have chosen.</p>
      <div class="versions">
        <article class="version">
          <h4>Current version</h4>
          <Summary round={current} />
          <button type="button" class="button" onClick={() => keep(current)}>
            Keep current version
          </button>
        </article>
        {siblings.map((s) => (
          <article class="version" key={s.id}>
            <h4>Other version</h4>
            <Summary round={s.data} />
            <button type="button" class="button" onClick={() => keep(s.data)}>
              Keep this version
            </button>
          </article>
        ))}
      </div>
    </section>
  );
}
