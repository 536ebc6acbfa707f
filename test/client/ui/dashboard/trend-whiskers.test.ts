import { describe, expect, it } from 'vitest';
import { whiskerSegments } from '../../../../src/client/ui/dashboard/chart-strokes';
import { trendSeries } from '../../../../src/client/ui/dashboard/trend-series';
import { lineWhiskers } from '../../../../src/client/ui/dashboard/trend-whiskers';
import { seenFigure } from '../../../../src/shared/aggregates/seen';
import type { TrendPoint, TrendRound } from '../../../../src/shared/aggregates/trend';
import type { Trend } from '../../../../src/shared/dashboard';
import { wilsonInterval } from '../../../../src/shared/evidence/wilson';

const cell = (seen: number, notSeen: number, na = 0): TrendPoint['cell'] => ({
  suppressed: false,
  ...seenFigure({ seen, notSeen, na }, 5),
});

const roundsOf = (n: number): TrendRound[] =>
  Array.from({ length: n }, (_, i) => ({
    roundId: `r${i + 1}`,
    name: `Round ${i + 1}`,
    startsOn: `2026-0${i + 1}-01`,
    protocolVersion: 1,
  }));

const trendOf = (rounds: TrendRound[], lines: Array<Array<TrendPoint['cell']>>): Trend => ({
  threshold: 5,
  schoolName: 'Lincoln',
  rounds,
  lines: lines.map((cells, i) => ({
    lookForId: `lf${i + 1}`,
    text: `Look-for ${i + 1}`,
    points: cells.map((c, j) => ({ roundId: rounds[j]!.roundId, cell: c })),
    change: null,
  })),
});

describe('the trend chart’s ranges', () => {
  it('gives each shown round its Wilson 90% range, and none where a round has not enough visits', () => {
    const { series } = trendSeries(
      trendOf(roundsOf(5), [
        [
          cell(14, 6),
          cell(3, 1), // 4 classrooms: not enough visits yet
          { absent: true }, // the round's protocol version did not ask it
          { suppressed: true, reason: 'fewer than 5 classrooms' },
          cell(0, 0, 8), // all N/A: no percent, no range
        ],
      ]),
    );
    expect(series).toHaveLength(1);
    expect(series[0]!.values).toEqual([70, null, null, null, null]);
    expect(series[0]!.ranges).toEqual([wilsonInterval(14, 20), null, null, null, null]);
    expect(series[0]!.ranges[0]!.low).toBeCloseTo(0.5157, 3);
    expect(series[0]!.ranges[0]!.high).toBeCloseTo(0.8361, 3);
  });

  it('draws the last six rounds only, and no line for a look-for with no figure in them', () => {
    const rounds = roundsOf(8);
    const { rounds: drawn, series } = trendSeries(
      trendOf(rounds, [
        rounds.map((_, i) => cell(i + 5, 5)),
        rounds.map(() => cell(1, 1)), // never enough visits
      ]),
    );
    expect(drawn.map((r) => r.roundId)).toEqual(['r3', 'r4', 'r5', 'r6', 'r7', 'r8']);
    expect(series.map((s) => s.lookForId)).toEqual(['lf1']);
    expect(series[0]!.ranges).toEqual(rounds.slice(2).map((_, i) => wilsonInterval(i + 7, i + 12)));
  });

  it('turns each range into a vertical error bar at its round, skipping rounds without one', () => {
    // 100 px for 0%, 0 px for 100%: the chart's y axis runs downwards.
    const toPixel = (percent: number) => 100 - percent;
    const segments = lineWhiskers(
      [{ low: 0.5, high: 0.8 }, null, { low: 0, high: 1 }],
      [10, 20, 30],
      toPixel,
    );
    expect(segments).toEqual([
      [10, 50, 10, 20],
      [5, 50, 15, 50],
      [5, 20, 15, 20],
      [30, 100, 30, 0],
      [25, 100, 35, 100],
      [25, 0, 35, 0],
    ]);
    // A round the chart did not lay out (no pixel) draws nothing.
    expect(lineWhiskers([{ low: 0.1, high: 0.2 }], [], toPixel)).toEqual([]);
  });

  it('draws the bar chart’s horizontal error bars from the same code', () => {
    expect(whiskerSegments('x', 40, 100, 180, 6)).toEqual([
      [100, 40, 180, 40],
      [100, 34, 100, 46],
      [180, 34, 180, 46],
    ]);
  });
});
