import { describe, expect, it } from 'vitest';
import {
  effectiveTarget,
  meetsTarget,
  schoolYearOf,
  TargetChange,
  targetMap,
  targetText,
} from '../../src/shared/targets';

const ROUND = '20000000-0000-4000-8000-000000000001';
const change = (over: Record<string, unknown>) =>
  TargetChange.safeParse({
    roundId: ROUND,
    lookForId: 'checks-understanding',
    scope: 'round',
    percent: 80,
    ...over,
  });
const messages = (over: Record<string, unknown>) => {
  const parsed = change(over);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('the school year of a date', () => {
  it('runs from August to July', () => {
    expect(schoolYearOf('2026-08-01')).toBe('2026-2027');
    expect(schoolYearOf('2026-12-31')).toBe('2026-2027');
    expect(schoolYearOf('2027-01-15')).toBe('2026-2027');
    expect(schoolYearOf('2027-07-31')).toBe('2026-2027');
    expect(schoolYearOf('2027-08-01')).toBe('2027-2028');
  });
});

describe('which target applies', () => {
  it("prefers the round's own target to the year's", () => {
    expect(effectiveTarget({ lookForId: 'a', round: 70, year: 90 })).toBe(70);
    expect(effectiveTarget({ lookForId: 'a', round: null, year: 90 })).toBe(90);
    expect(effectiveTarget({ lookForId: 'a', round: null, year: null })).toBeNull();
    expect(effectiveTarget(undefined)).toBeNull();
  });

  it('keeps a target of 0% as a target', () => {
    expect(effectiveTarget({ lookForId: 'a', round: 0, year: 90 })).toBe(0);
    expect(targetMap([{ lookForId: 'a', round: 0, year: null }]).get('a')).toBe(0);
  });

  it('leaves look-fors without a target out of the map', () => {
    const map = targetMap([
      { lookForId: 'a', round: null, year: 60 },
      { lookForId: 'b', round: null, year: null },
    ]);
    expect([...map]).toEqual([['a', 60]]);
  });

  it('says where a target comes from', () => {
    expect(targetText({ lookForId: 'a', round: 75, year: 90 })).toBe('75% (this round)');
    expect(targetText({ lookForId: 'a', round: null, year: 90 })).toBe('90% (school year)');
    expect(targetText(undefined)).toBe('');
  });

  it('meets a target at or above it, and cannot tell without both figures', () => {
    expect(meetsTarget(80, 80)).toBe(true);
    expect(meetsTarget(79, 80)).toBe(false);
    expect(meetsTarget(null, 80)).toBeNull();
    expect(meetsTarget(50, null)).toBeNull();
  });
});

describe('a target change', () => {
  it('accepts a whole percent from 0 to 100, or null to remove it', () => {
    expect(change({ percent: 0 }).success).toBe(true);
    expect(change({ percent: 100 }).success).toBe(true);
    expect(change({ percent: null, scope: 'year' }).success).toBe(true);
  });

  it('refuses percents out of range or not whole, with a clear message', () => {
    expect(messages({ percent: 101 })).toEqual(['A target is at most 100%']);
    expect(messages({ percent: -1 })).toEqual(['A target is at least 0%']);
    expect(messages({ percent: 12.5 })).toEqual(['A target is a whole percent from 0 to 100']);
    expect(messages({ percent: '80' })).toEqual(['A target is a whole percent from 0 to 100']);
  });

  it('refuses an unknown scope, a bad look-for id and a bad round id', () => {
    expect(messages({ scope: 'term' })).toEqual([
      'A target is for this round or for the school year',
    ]);
    expect(messages({ lookForId: 'Not An Id' })).toEqual(['Not a look-for id']);
    expect(messages({ roundId: 'x' })).toEqual(['Not a round id']);
  });
});
