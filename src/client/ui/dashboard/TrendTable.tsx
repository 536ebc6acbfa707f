import { lineChange, type TrendLine } from '../../../shared/aggregates/trend';
import type { Trend } from '../../../shared/dashboard';
import { CHANGE_METHOD } from '../../../shared/evidence/change';
import { NOT_ENOUGH, rangeText, shareText } from './format';

/** "▲ up 26.7 points" only when the change is beyond both rounds' uncertainty. */
export function changeText(line: TrendLine, enough: number): string {
  const verdict = lineChange(line, enough);
  const points = line.change ? Math.abs(line.change.points) : null;
  const sign = line.change && line.change.points > 0 ? '+' : line.change?.points ? '−' : '±';
  switch (verdict) {
    case 'up':
      return `▲ up ${points} points`;
    case 'down':
      return `▼ down ${points} points`;
    case 'no-clear-change':
      return points === null ? 'No clear change' : `No clear change (${sign}${points} points)`;
    case 'not-enough':
      return NOT_ENOUGH;
    default:
      return 'Cannot tell';
  }
}

/** "Is it up since last round?": percent seen per round, and the change since the one before. */
export function TrendTable({ trend }: { trend: Trend }) {
  if (trend.rounds.length === 0) return <p class="muted">No rounds of this protocol yet.</p>;
  const rounds = trend.rounds.slice(-6);
  return (
    <>
      <table class="results-table trend" aria-describedby="change-method">
        <caption>
          Percent seen in the last {rounds.length} rounds at {trend.schoolName}, likely range (90%)
          below
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
                const range = rangeText(cell);
                return (
                  <td key={r.roundId} class={cell.suppressed ? 'suppressed' : undefined}>
                    {shareText(cell, trend.threshold)}
                    {range && <span class="trend-range">{range}</span>}
                  </td>
                );
              })}
              <td class="trend-change">{changeText(line, trend.threshold)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted small change-method" id="change-method">
        {CHANGE_METHOD}
      </p>
    </>
  );
}
