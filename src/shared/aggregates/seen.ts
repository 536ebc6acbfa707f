import { guard, percent, type Cell } from './suppression';

export interface SeenCounts {
  seen: number;
  notSeen: number;
  na: number;
}

export interface SeenShare {
  /** seen / (seen + not seen), as a percentage; null when every answer was N/A. */
  percentSeen: number | null;
  /** Classrooms answering seen or not seen: what the percentage rests on. */
  answered: number;
  allNa: boolean;
}

export interface SeenFigure extends SeenCounts {
  kind: 'seen';
  classrooms: number;
  /** N/A is left out of the share and shown on its own. */
  share: Cell<SeenShare>;
}

/**
 * The seen figure of one look-for. The share has its own suppression: ten rooms
 * where eight said N/A leave a percentage about two rooms, which stays hidden.
 * "All N/A" reveals no room's answer beyond what the N/A count shows, so it shows.
 */
export function seenFigure(counts: SeenCounts, threshold: number): SeenFigure {
  const answered = counts.seen + counts.notSeen;
  const classrooms = answered + counts.na;
  const share: Cell<SeenShare> =
    answered === 0
      ? { suppressed: false, percentSeen: null, answered: 0, allNa: classrooms > 0 }
      : guard(answered, threshold, () => ({
          percentSeen: percent(counts.seen, answered),
          answered,
          allNa: false,
        }));
  return {
    kind: 'seen',
    classrooms,
    seen: counts.seen,
    notSeen: counts.notSeen,
    na: counts.na,
    share,
  };
}
