import { useState } from 'preact/hooks';
import type { LookForRow } from '../../../shared/aggregates/table';
import type { QuoteList } from '../../../shared/dashboard';
import { targetText, type LookForTarget } from '../../../shared/targets';
import { foldedText, foldRows } from './folded-rows';
import { hiddenText, rangeText, shareText } from './format';

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

/**
 * The per look-for table: the text equivalent of every chart on the screen. Look-fors
 * whose figures are hidden fold into one line that opens on a tap.
 */
export function LookForTable(props: {
  rows: LookForRow[];
  threshold: number;
  quotes: QuoteList[];
  /** Whether the quotes are only those a leader shared with staff. */
  sharedOnly?: boolean;
  targets?: readonly LookForTarget[];
}) {
  const { rows, threshold, quotes, sharedOnly = false, targets = [] } = props;
  const [unfolded, setUnfolded] = useState(false);
  const { shown, hidden } = foldRows(rows);
  const row = (r: LookForRow) => (
    <Row
      key={r.lookForId}
      row={r}
      threshold={threshold}
      said={quotes.find((q) => q.lookForId === r.lookForId)?.quotes ?? []}
      sharedOnly={sharedOnly}
      target={targetText(targets.find((t) => t.lookForId === r.lookForId))}
    />
  );
  return (
    <div class="table-scroll">
      <table class="results-table">
        <caption>
          Each look-for: classrooms it rests on, percent seen with its likely range (90%), its
          target, and N/A apart
        </caption>
        <thead>
          <tr>
            <th scope="col">Look-for</th>
            <th scope="col">Classrooms</th>
            <th scope="col">Percent seen</th>
            <th scope="col">Likely range (90%)</th>
            <th scope="col">Target</th>
            <th scope="col">N/A</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(row)}
          {hidden.length > 0 && (
            <tr class="folded-rows">
              <td colSpan={7}>
                <button
                  type="button"
                  class="button folded-toggle"
                  aria-expanded={unfolded}
                  aria-controls="folded-look-fors"
                  onClick={() => setUnfolded(!unfolded)}
                >
                  <span aria-hidden="true">{unfolded ? '▾' : '▸'}</span>{' '}
                  {foldedText(hidden.length, threshold)}
                </button>
              </td>
            </tr>
          )}
        </tbody>
        {hidden.length > 0 && (
          <tbody id="folded-look-fors" hidden={!unfolded}>
            {unfolded && hidden.map(row)}
          </tbody>
        )}
      </table>
    </div>
  );
}

function Row(props: {
  row: LookForRow;
  threshold: number;
  said: string[];
  sharedOnly: boolean;
  target: string;
}) {
  const { row, threshold, said, sharedOnly, target } = props;
  const f = row.figure;
  return (
    <tr data-look-for={row.lookForId}>
      <th scope="row">
        {row.text}
        <span class="results-section">{row.sectionTitle}</span>
      </th>
      <td>{f.suppressed ? hiddenText(f, threshold) : f.classrooms}</td>
      <td class="results-share">{shareText(f, threshold)}</td>
      <td class="results-range">{rangeText(f)}</td>
      <td>{target}</td>
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
}
