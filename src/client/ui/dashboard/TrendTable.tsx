import type { Trend } from '../../../shared/dashboard';
import { shareText } from './format';

const arrows = { up: '▲ up', down: '▼ down', same: '= same' } as const;

/** "Is it up since last round?": percent seen per round, and the change since the one before. */
export function TrendTable({ trend }: { trend: Trend }) {
  if (trend.rounds.length === 0) return <p class="muted">No rounds of this protocol yet.</p>;
  const rounds = trend.rounds.slice(-6);
  return (
    <table class="results-table trend">
      <caption>
        Percent seen in the last {rounds.length} rounds at {trend.schoolName}
      </caption>
      <thead>
        <tr>
          <th scope="col">Look-for</th>
          {rounds.map((r) => (
            <th scope="col" key={r.roundId}>
              {r.name}
            </th>
          ))}
          <th scope="col">Since last round</th>
        </tr>
      </thead>
      <tbody>
        {trend.lines.map((line) => (
          <tr key={line.lookForId}>
            <th scope="row">{line.text}</th>
            {rounds.map((r) => {
              const cell = line.points.find((p) => p.roundId === r.roundId)?.cell;
              if (!cell || 'absent' in cell) return <td key={r.roundId}>Not asked</td>;
              return (
                <td key={r.roundId} class={cell.suppressed ? 'suppressed' : undefined}>
                  {shareText(cell, trend.threshold)}
                </td>
              );
            })}
            <td>
              {line.change
                ? `${arrows[line.change.direction]} ${Math.abs(line.change.points)} points`
                : 'Cannot tell'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
