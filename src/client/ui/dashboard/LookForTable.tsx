import type { LookForRow } from '../../../shared/aggregates/table';
import type { QuoteList } from '../../../shared/dashboard';
import { hiddenText, shareText } from './format';

function Details({ row }: { row: LookForRow }) {
  const f = row.figure;
  // The classrooms and percent columns already say "Fewer than N classrooms".
  if (f.suppressed) return <span class="suppressed">Hidden to protect small groups</span>;
  switch (f.kind) {
    case 'seen':
      return (
        <span>
          Seen {f.share.suppressed ? '–' : f.seen}, not seen {f.share.suppressed ? '–' : f.notSeen}
        </span>
      );
    case 'scale':
      return <span>{f.levels.map((l) => `${l.label}: ${l.count}`).join(' · ')}</span>;
    case 'tally':
      return (
        <span>
          Mean {f.mean ?? '–'}, spread (SD) {f.spread ?? '–'}
        </span>
      );
    case 'quote':
      return <span>{f.quotes} quotes</span>;
    default:
      return <span />;
  }
}

/** The per look-for table: the text equivalent of every chart on the screen. */
export function LookForTable(props: {
  rows: LookForRow[];
  threshold: number;
  quotes: QuoteList[];
  /** Whether the quotes are only those a leader shared with staff. */
  sharedOnly?: boolean;
}) {
  const { rows, threshold, quotes, sharedOnly = false } = props;
  return (
    <table class="results-table">
      <caption>Each look-for: classrooms it rests on, percent seen, and N/A apart</caption>
      <thead>
        <tr>
          <th scope="col">Look-for</th>
          <th scope="col">Classrooms</th>
          <th scope="col">Percent seen</th>
          <th scope="col">N/A</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const f = row.figure;
          const said = quotes.find((q) => q.lookForId === row.lookForId)?.quotes ?? [];
          return (
            <tr key={row.lookForId} data-look-for={row.lookForId}>
              <th scope="row">
                {row.text}
                <span class="results-section">{row.sectionTitle}</span>
              </th>
              <td>{f.suppressed ? hiddenText(f, threshold) : f.classrooms}</td>
              <td class="results-share">{shareText(f, threshold)}</td>
              <td>{!f.suppressed && f.kind === 'seen' ? f.na : ''}</td>
              <td>
                <Details row={row} />
                {said.length > 0 && (
                  <details class="quotes">
                    <summary>
                      Read the {said.length} quotes{sharedOnly ? ' your leaders shared' : ''}
                    </summary>
                    <ul>
                      {said.map((q, i) => (
                        <li key={i}>“{q}”</li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
