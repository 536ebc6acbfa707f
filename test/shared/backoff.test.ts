import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from '../../src/shared/backoff';

const lowest = () => 0;
const highest = () => 0.9999999999;
const middle = () => 0.5;
const options = { baseMs: 100, maxMs: 10_000 };

describe('backoffDelay', () => {
  it('waits half the ceiling when the random draw is 0', () => {
    expect(backoffDelay(0, lowest, options)).toBe(50);
  });

  it('grows exponentially with each attempt', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, lowest, options));
    expect(delays).toStrictEqual([50, 100, 200, 400, 800, 1600, 3200]);
  });

  it('stops growing at maxMs', () => {
    // 100 * 2^7 = 12,800 is over the 10,000 cap.
    expect(backoffDelay(7, lowest, options)).toBe(5_000);
    expect(backoffDelay(7, highest, options)).toBe(10_000);
    expect(backoffDelay(20, highest, options)).toBe(10_000);
  });

  it('never exceeds maxMs, whatever the draw', () => {
    for (let attempt = 0; attempt <= 40; attempt++) {
      expect(backoffDelay(attempt, highest, options)).toBeLessThanOrEqual(options.maxMs);
    }
  });

  it('jitters between half and the whole of the ceiling', () => {
    for (let attempt = 0; attempt <= 10; attempt++) {
      const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
      expect(backoffDelay(attempt, lowest, options)).toBe(ceiling / 2);
      expect(backoffDelay(attempt, highest, options)).toBe(ceiling);
      expect(backoffDelay(attempt, middle, options)).toBe(Math.round(ceiling * 0.75));
    }
  });

  it('rounds to whole milliseconds', () => {
    expect(backoffDelay(0, () => 0.123, { baseMs: 3, maxMs: 100 })).toBe(2);
    expect(Number.isInteger(backoffDelay(3, () => 0.377, options))).toBe(true);
  });

  it('treats a negative attempt as the first retry', () => {
    expect(backoffDelay(-1, lowest, options)).toBe(50);
    expect(backoffDelay(-1000, highest, options)).toBe(100);
  });

  it('rounds a fractional attempt down', () => {
    expect(backoffDelay(2.9, lowest, options)).toBe(200);
  });

  it('caps a huge attempt at maxMs instead of overflowing', () => {
    expect(backoffDelay(1_000_000, lowest, options)).toBe(5_000);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, highest, options)).toBe(10_000);
    expect(backoffDelay(Infinity, lowest, options)).toBe(5_000);
  });

  it('caps the exponent even when maxMs is enormous', () => {
    // The exponent stops at 30: 1 * 2^30.
    const wide = { baseMs: 1, maxMs: Number.MAX_SAFE_INTEGER };
    expect(backoffDelay(31, highest, wide)).toBe(2 ** 30);
    expect(backoffDelay(500, highest, wide)).toBe(2 ** 30);
  });

  it('starts at 1 to 2 seconds and tops out at 2.5 to 5 minutes by default', () => {
    expect(defaultBackoff).toStrictEqual({ baseMs: 2_000, maxMs: 300_000 });
    expect(backoffDelay(0, lowest)).toBe(1_000);
    expect(backoffDelay(0, highest)).toBe(2_000);
    expect(backoffDelay(50, lowest)).toBe(150_000);
    expect(backoffDelay(50, highest)).toBe(300_000);
  });

  it('asks for one random draw per delay', () => {
    let calls = 0;
    backoffDelay(3, () => {
      calls += 1;
      return 0.5;
    });
    expect(calls).toBe(1);
  });
});
