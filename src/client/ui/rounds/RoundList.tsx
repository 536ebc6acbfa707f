import { useEffect, useState } from 'preact/hooks';
import { countProgress } from '../../../shared/round-rules';
import type { Round } from '../../../shared/rounds';
import { loadPrefs } from '../../data/prefs';
import { useRoundServices } from './use-rounds';
import { hrefFor } from '../shell/route';
import { plannerSchools } from './permissions';
import { RoundProgressLine } from './RoundProgressLine';

function RoundCard({ round, last }: { round: Round; last: boolean }) {
  const { store, rounds } = useRoundServices();
  const progress = rounds.useRoundProgress(round.id);
  const school = store.user.schools.find((s) => s.id === round.schoolId)?.name ?? '';
  return (
    <li class="card round-card">
      <a class="card-title" href={hrefFor({ name: 'round', id: round.id })}>
        {last ? 'Continue: ' : ''}
        {round.name}
      </a>
      <p class="card-meta">
        {school} ·{' '}
        {round.startsOn === round.endsOn ? round.startsOn : `${round.startsOn} to ${round.endsOn}`}
        {round.status === 'closed' ? ' · Closed' : ''}
      </p>
      {round.purpose && <p class="purpose">{round.purpose}</p>}
      {progress && (
        <RoundProgressLine counts={countProgress(round, progress.visitedRoomIds, store.user.id)} />
      )}
    </li>
  );
}

/** The rounds of my schools; the one walked last comes first. */
export function RoundList() {
  const { store, rounds } = useRoundServices();
  const list = rounds.useRounds();
  const [lastId, setLastId] = useState('');
  useEffect(() => {
    void loadPrefs().then((p) => setLastId(p.roundId));
  }, []);
  const plans = plannerSchools(store.user).length > 0;
  const sorted = [...(list ?? [])].sort(
    (a, b) => Number(b.id === lastId) - Number(a.id === lastId),
  );
  return (
    <section class="screen" aria-labelledby="rounds-title">
      <div class="toolbar">
        <h2 id="rounds-title">Blast Walkthrough rounds</h2>
        {plans && (
          <a class="button primary" href={hrefFor({ name: 'round-plan', id: null })}>
            Plan a round
          </a>
        )}
      </div>
      {list === undefined ? (
        <p class="muted">Loading…</p>
      ) : list.length === 0 ? (
        <p class="muted">
          No rounds yet.{' '}
          {plans
            ? 'Plan one: a team, a protocol and the rooms to visit.'
            : 'Your coaches and principal plan them; they appear here once synced.'}
        </p>
      ) : (
        <ul class="cards">
          {sorted.map((r) => (
            <RoundCard key={r.id} round={r} last={r.id === lastId} />
          ))}
        </ul>
      )}
    </section>
  );
}
