import type { GroupRow } from '../../../shared/aggregates/groups';
import { hiddenText, rangeText, shareText } from './format';

/** Sections and tags (Profile of the Graduate traits, strategic areas), answers pooled. */
export function GroupTable({ groups, threshold }: { groups: GroupRow[]; threshold: number }) {
  if (groups.length === 0) return null;
  return (
    <table class="results-table">
      <caption>By section and by tag</caption>
      <thead>
        <tr>
          <th scope="col">Section or tag</th>
          <th scope="col">Classrooms</th>
          <th scope="col">Percent seen</th>
          <th scope="col">Likely range (90%)</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={`${g.kind}:${g.id}`}>
            <th scope="row">
              {g.label} <span class="results-section">{g.kind === 'tag' ? 'tag' : 'section'}</span>
            </th>
            <td>{g.figure.suppressed ? hiddenText(g.figure, threshold) : g.figure.classrooms}</td>
            <td>{shareText(g.figure, threshold)}</td>
            <td class="results-range">{rangeText(g.figure)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
