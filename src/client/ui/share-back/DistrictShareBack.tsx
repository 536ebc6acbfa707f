import { useEffect, useState } from 'preact/hooks';
import { useReadyToReveal } from '../shell/reveal-together';
import type { RoundShareClock } from '../../../shared/answers/share-back';
import { districtClocks, type ShareBackResult } from '../../data/share-back';
import './share-back.css';

const groups = [
  { id: 'late', title: 'Shared late or overdue' },
  { id: 'not-yet', title: 'Not yet shared' },
  { id: 'on-time', title: 'Shared on time' },
] as const;

/** Which list a round belongs on: overdue counts as late, still due as not yet shared. */
export function groupOf(c: RoundShareClock): (typeof groups)[number]['id'] {
  if (c.clock.state === 'overdue') return 'late';
  if (c.clock.state === 'due') return 'not-yet';
  return c.clock.onTime ? 'on-time' : 'late';
}

/**
 * For district admins: every school's closed rounds by how their summaries reached
 * staff. The round, its school and dates only; never a classroom or a teacher.
 */
export function DistrictShareBack() {
  const [answer, setAnswer] = useState<ShareBackResult<{ rounds: RoundShareClock[] }> | null>(null);
  useReadyToReveal(answer !== null);
  useEffect(() => {
    void districtClocks().then(setAnswer);
  }, []);
  if (!answer) return null;
  if (!answer.ok) return <p class="banner attention">{answer.message}</p>;
  return (
    <section class="district-share-back" aria-labelledby="district-share-back-title">
      <h3 id="district-share-back-title">Shared back with staff</h3>
      {answer.value.rounds.length === 0 && <p class="muted">No closed rounds yet.</p>}
      {groups.map((g) => {
        const rows = answer.value.rounds.filter((r) => groupOf(r) === g.id);
        if (rows.length === 0) return null;
        return (
          <div class="table-scroll" key={g.id}>
            <table class="results-table share-back-table" data-group={g.id}>
              <caption>
                {g.title} ({rows.length})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Round</th>
                  <th scope="col">School</th>
                  <th scope="col">Closed</th>
                  <th scope="col">Share by</th>
                  <th scope="col">Shared</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.roundId}>
                    <th scope="row">{r.roundName}</th>
                    <td>{r.schoolName}</td>
                    <td>{r.closedOn}</td>
                    <td>{r.shareBy}</td>
                    <td>{r.sharedOn ?? (r.clock.state === 'overdue' ? 'Overdue' : 'Not yet')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
