import { useEffect, useState } from 'preact/hooks';
import { countProgress } from '../../../shared/round-rules';
import type { Round } from '../../../shared/rounds';
import { loadPrefs } from '../../data/prefs';
import { useRoundServices } from './use-rounds';
import { hrefFor } from '../shell/route';
import { plannerSchools } from './permissions';
import { RoundProgressLine } from './RoundProgressLine';
import type { RoundShareClock } from '../../../shared/answers/share-back';
import { ShareClockLine } from '../share-back/ShareClockLine';
import { placeholderClock, useShareClocks } from '../share-back/use-share-clocks';
import { LoadingLine } from '../shell/LoadingLine';

function RoundCard({
  round,
  last,
  clock,
}: {
  round: Round;
  last: boolean;
  /** The round's clock; 'loading' for a clock this person will see once read. */
  clock: RoundShareClock | 'loading' | undefined;
}) {
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
      {round.status === 'closed' && clock === 'loading' && (
        <ShareClockLine clock={placeholderClock(round.id)} placeholder />
      )}
      {round.status === 'closed' && clock && clock !== 'loading' && (
        <ShareClockLine clock={clock} />
      )}
      {round.purpose && <p class="purpose">{round.purpose}</p>}
      {/* Until the visits are read, an invisible line keeps the card at its full
          height: the line arriving pushed the cards below it down (a layout shift). */}
      <RoundProgressLine
        counts={countProgress(round, progress?.visitedRoomIds ?? [], store.user.id)}
        placeholder={!progress}
      />
    </li>
  );
}

/** The rounds of my schools; the one walked last comes first. */
export function RoundList() {
  const { store, rounds } = useRoundServices();
  const list = rounds.useRounds();
  // Null until read: the round walked last comes first, so the list waits for it
  // rather than reorder itself under the reader (a layout shift).
  const [lastId, setLastId] = useState<string | null>(null);
  useEffect(() => {
    void loadPrefs().then((p) => setLastId(p.roundId));
  }, []);
  const leads = plannerSchools(store.user);
  const plans = leads.length > 0;
  // The share-back clock, for the schools this person leads (issue #15); kept on the
  // device, so offline it shows the last clocks received, counted on to today.
  const clocks = useShareClocks(
    leads.map((s) => s.id),
    0,
    store,
  );
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
      {list === undefined || lastId === null ? (
        <LoadingLine />
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
            <RoundCard
              key={r.id}
              round={r}
              last={r.id === lastId}
              clock={
                clocks
                  ? clocks.get(r.id)
                  : leads.some((s) => s.id === r.schoolId)
                    ? 'loading'
                    : undefined
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
