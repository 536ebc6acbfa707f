/**
 * What SQL counts for one look-for in one cell of the dashboard (a scope, a grade
 * band, a round, a school). Every number here is an aggregate the database made.
 */
export interface LookForCounts {
  lookForId: string;
  /** Classrooms (distinct observations) that answered this look-for in any way. */
  classrooms: number;
  seen: number;
  notSeen: number;
  na: number;
  quotes: number;
  tallyCount: number;
  tallySum: number;
  tallySumOfSquares: number;
  /** Answers per scale level id. */
  levels: Record<string, number>;
}

export function emptyCounts(lookForId: string): LookForCounts {
  return {
    lookForId,
    classrooms: 0,
    seen: 0,
    notSeen: 0,
    na: 0,
    quotes: 0,
    tallyCount: 0,
    tallySum: 0,
    tallySumOfSquares: 0,
    levels: {},
  };
}
