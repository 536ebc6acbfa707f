import { describe, expect, it } from 'vitest';
import { intervalText, wilsonInterval } from '../../../src/shared/evidence/wilson';

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const rounded = (seen: number, total: number, confidence?: 0.8 | 0.9 | 0.95) => {
  const i = wilsonInterval(seen, total, confidence);
  return i && [round4(i.low), round4(i.high)];
};

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion",
  // Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score, 95%).
  it.each([
    [81, 263, [0.2553, 0.3662]],
    [15, 148, [0.0624, 0.1605]],
    [0, 20, [0, 0.1611]],
    [1, 29, [0.0061, 0.1718]],
  ])('matches Newcombe’s published 95%% interval for %i of %i', (seen, total, expected) => {
    expect(rounded(seen, total, 0.95)).toStrictEqual(expected);
  });

  it('gives the 90% interval by default', () => {
    expect(rounded(8, 10)).toStrictEqual([0.5408, 0.9314]);
    expect(rounded(3, 5)).toStrictEqual([0.2725, 0.8573]);
    expect(rounded(81, 263)).toStrictEqual([0.2633, 0.3566]);
  });

  it('is narrower at 90% than at 95% and wider at 90% than at 80%', () => {
    const w = (c: 0.8 | 0.9 | 0.95) => {
      const i = wilsonInterval(7, 12, c);
      return i ? i.high - i.low : 0;
    };
    expect(w(0.9)).toBeLessThan(w(0.95));
    expect(w(0.9)).toBeGreaterThan(w(0.8));
  });

  it('stays inside 0–100% and touches the edge exactly at none and all', () => {
    expect(wilsonInterval(0, 3)?.low).toBe(0);
    expect(wilsonInterval(3, 3)?.high).toBe(1);
    expect(rounded(29, 29)).toStrictEqual([0.9147, 1]);
    for (let n = 1; n <= 40; n++) {
      for (let k = 0; k <= n; k++) {
        const i = wilsonInterval(k, n);
        expect(i).not.toBeNull();
        if (!i) continue;
        expect(i.low).toBeGreaterThanOrEqual(0);
        expect(i.high).toBeLessThanOrEqual(1);
        expect(i.low).toBeLessThanOrEqual(k / n);
        expect(i.high).toBeGreaterThanOrEqual(k / n);
      }
    }
  });

  it('narrows as more classrooms are visited', () => {
    const width = (k: number, n: number) => {
      const i = wilsonInterval(k, n);
      return i ? i.high - i.low : 1;
    };
    expect(width(5, 10)).toBeGreaterThan(width(50, 100));
    expect(width(50, 100)).toBeGreaterThan(width(500, 1000));
  });

  it('has no interval for no classrooms and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(4, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 3)).toThrow(RangeError);
  });

  it('writes an interval as whole percentages', () => {
    const i = wilsonInterval(8, 10);
    expect(i && intervalText(i)).toBe('54–93%');
  });
});
