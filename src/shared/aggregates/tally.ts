export interface TallyFigure {
  kind: 'tally';
  classrooms: number;
  mean: number | null;
  /** Population standard deviation: how far rooms typically sit from the mean. */
  spread: number | null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * Mean and spread of a tally from the sums SQL returns (count, sum, sum of
 * squares). No minimum or maximum: either would be one room's own count.
 */
export function tallyFigure(count: number, sum: number, sumOfSquares: number): TallyFigure {
  if (count === 0) return { kind: 'tally', classrooms: 0, mean: null, spread: null };
  const mean = sum / count;
  const variance = Math.max(0, sumOfSquares / count - mean * mean);
  return {
    kind: 'tally',
    classrooms: count,
    mean: oneDecimal(mean),
    spread: oneDecimal(Math.sqrt(variance)),
  };
}

export interface QuoteFigure {
  kind: 'quote';
  classrooms: number;
  quotes: number;
}

export const quoteFigure = (classrooms: number, quotes: number): QuoteFigure => ({
  kind: 'quote',
  classrooms,
  quotes,
});
