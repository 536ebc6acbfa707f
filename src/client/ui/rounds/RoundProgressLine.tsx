import type { RoundCounts } from '../../../shared/round-rules';

/** "14 of 32 rooms" for the team, and the same for my own rooms when I have any. */
export function RoundProgressLine({
  counts,
  placeholder = false,
}: {
  counts: RoundCounts;
  /** Laid out but not shown: holds the line's place while the visits are read. */
  placeholder?: boolean;
}) {
  const { team, mine } = counts;
  return (
    <p
      class={placeholder ? 'round-progress round-progress-placeholder' : 'round-progress'}
      aria-live={placeholder ? undefined : 'polite'}
      aria-hidden={placeholder ? true : undefined}
    >
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
