import { describe, expect, it } from 'vitest';
import { seenFigure } from '../../../src/shared/aggregates/seen';
import {
  checkThreshold,
  guard,
  percent,
  suppressed,
} from '../../../src/shared/aggregates/suppression';
import { numbersIn } from './fixtures';

describe('percent seen', () => {
  it('divides seen by seen plus not seen and keeps N/A apart', () => {
    const figure = seenFigure({ seen: 6, notSeen: 2, na: 4 }, 5);
    expect(figure.classrooms).toBe(12);
    expect(figure.na).toBe(4);
    expect(figure.share).toEqual({ suppressed: false, percentSeen: 75, answered: 8, allNa: false });
  });

  it('rounds to one decimal', () => {
    expect(seenFigure({ seen: 1, notSeen: 5, na: 0 }, 5).share).toMatchObject({
      percentSeen: 16.7,
    });
    expect(percent(2, 3)).toBe(66.7);
  });

  it('says "all N/A" with no percentage when every room answered N/A', () => {
    const figure = seenFigure({ seen: 0, notSeen: 0, na: 7 }, 5);
    expect(figure.share).toEqual({
      suppressed: false,
      percentSeen: null,
      answered: 0,
      allNa: true,
    });
  });

  it('has no share and is not "all N/A" when nobody answered', () => {
    expect(seenFigure({ seen: 0, notSeen: 0, na: 0 }, 5).share).toMatchObject({
      percentSeen: null,
      allNa: false,
    });
  });

  it('hides the share when fewer than the threshold answered seen or not seen, even in a larger scope', () => {
    const figure = seenFigure({ seen: 3, notSeen: 1, na: 8 }, 5);
    expect(figure.share).toEqual({ suppressed: true, reason: 'fewer than 5 classrooms' });
  });

  it('shows 0% and 100% as numbers, not as missing', () => {
    expect(seenFigure({ seen: 0, notSeen: 5, na: 0 }, 5).share).toMatchObject({ percentSeen: 0 });
    expect(seenFigure({ seen: 5, notSeen: 0, na: 0 }, 5).share).toMatchObject({ percentSeen: 100 });
  });
});

describe('suppression', () => {
  it('shows a cell resting on exactly the threshold', () => {
    expect(guard(5, 5, () => ({ n: 5 }))).toEqual({ suppressed: false, n: 5 });
  });

  it('suppresses a cell one classroom below the threshold, with a reason and no number in it', () => {
    const cell = guard(4, 5, () => ({ n: 4 }));
    expect(cell).toEqual({ suppressed: true, reason: 'fewer than 5 classrooms' });
    expect(numbersIn(cell)).toEqual([]);
  });

  it('never computes the hidden figure', () => {
    let computed = false;
    guard(1, 3, () => {
      computed = true;
      return {};
    });
    expect(computed).toBe(false);
  });

  it('follows a configured threshold', () => {
    expect(guard(7, 8, () => ({}))).toEqual(suppressed(8));
    expect(guard(3, 3, () => ({}))).toEqual({ suppressed: false });
  });

  it('refuses a threshold below 3 or not a whole number', () => {
    expect(() => checkThreshold(2)).toThrow(/at least 3/);
    expect(() => checkThreshold(0)).toThrow();
    expect(() => checkThreshold(4.5)).toThrow();
    expect(checkThreshold(3)).toBe(3);
    expect(checkThreshold(10)).toBe(10);
  });
});
