import type { HeatMap } from '../../../shared/aggregates/heat-map';
import { heatColour, hiddenText, rangeText, shareText, shareValue } from './format';

const headings = { gradeBand: 'grade band', subject: 'subject', school: 'school' } as const;

/** The heat map as a table: colour plus the number, and the reason where a cell is hidden. */
export function HeatMapTable(props: {
  map: HeatMap;
  threshold: number;
  columnLabel?: (column: string) => string;
}) {
  const { map, threshold, columnLabel = (c) => c } = props;
  if (map.columns.length === 0) return null;
  return (
    <table class="results-table heat-map">
      <caption>
        Percent seen by look-for and {headings[map.by]}, classrooms in brackets, likely range (90%)
        below
      </caption>
      <thead>
        <tr>
          <th scope="col">Look-for</th>
          {map.columns.map((c) => (
            <th scope="col" key={c}>
              {columnLabel(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {map.rows.map((row) => (
          <tr key={row.lookForId}>
            <th scope="row">{row.text}</th>
            {row.cells.map((cell, i) => (
              <td
                key={map.columns[i]}
                style={heatColour(shareValue(cell))}
                class={cell.suppressed ? 'suppressed' : undefined}
                title={cell.suppressed ? hiddenText(cell, threshold) : undefined}
              >
                {shareText(cell, threshold)}
                {!cell.suppressed && <span class="heat-n"> ({cell.classrooms})</span>}
                {rangeText(cell) && <span class="heat-range">{rangeText(cell)}</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
