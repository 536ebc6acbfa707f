import type { RoundCounts } from '../../../shared/round-rules';

/** "14 of 32 rooms" for the team, and the same for my own rooms when I have any. */
export function RoundProgressLine({ counts }: { counts: RoundCounts }) {
  const { team, mine } = counts;
  return (
    <p class="round-progress" aria-live="polite">
      <span>
        <strong>
          {team.visited} of {team.total} rooms
        </strong>{' '}
        visited by the team
      </span>
      {mine.total > 0 && (
        <span>
          Mine: {mine.visited} of {mine.total}
        </span>
      )}
      <progress max={Math.max(1, team.total)} value={team.visited} aria-hidden="true" />
    </p>
  );
}
