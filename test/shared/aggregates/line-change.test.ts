import { describe, expect, it } from 'vitest';
import { seenFigure } from '../../../src/shared/aggregates/seen';
import { lineChange, type TrendLine } from '../../../src/shared/aggregates/trend';

const cell = (seen: number, notSeen: number) => ({
  suppressed: false as const,
  ...seenFigure({ seen, notSeen, na: 0 }, 5),
});
const lineOf = (...cells: TrendLine['points'][number]['cell'][]): TrendLine => ({
  lookForId: 'peer',
  text: 'Peer talk',
  points: cells.map((c, i) => ({ roundId: `r${i}`, cell: c })),
  change: null,
});

describe('since last round (lineChange)', () => {
  it('compares the last two rounds with changeSince', () => {
    expect(lineChange(lineOf(cell(0, 20), cell(10, 10), cell(14, 6)), 5)).toBe('up');
    expect(lineChange(lineOf(cell(10, 10), cell(13, 7)), 5)).toBe('no-clear-change');
    expect(lineChange(lineOf(cell(14, 6), cell(10, 10)), 5)).toBe('down');
  });

  it('gives no direction when a round rests on too few classrooms', () => {
    expect(lineChange(lineOf(cell(2, 1), cell(14, 6)), 5)).toBe('not-enough');
    expect(lineChange(lineOf(cell(10, 10), cell(14, 6)), 25)).toBe('not-enough');
  });

  it('says nothing with one round, or when a round did not ask the look-for', () => {
    expect(lineChange(lineOf(cell(14, 6)), 5)).toBeNull();
    expect(lineChange(lineOf({ absent: true }, cell(14, 6)), 5)).toBeNull();
  });
});
