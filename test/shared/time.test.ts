import { describe, expect, it } from 'vitest';
import { issuesToFields } from '../../src/shared/errors';
import { isoDateTime } from '../../src/shared/time';

describe('isoDateTime', () => {
  it('accepts UTC times with or without milliseconds', () => {
    expect(isoDateTime.safeParse('2026-11-23T09:00:00Z').success).toBe(true);
    expect(isoDateTime.safeParse('2026-11-23T09:00:00.123Z').success).toBe(true);
  });

  it('accepts times with a numeric offset', () => {
    expect(isoDateTime.safeParse('2026-11-23T09:00:00-05:00').success).toBe(true);
    expect(isoDateTime.safeParse('2026-11-23T09:00:00.000+13:00').success).toBe(true);
  });

  it('refuses a date alone, a time without a zone and free text, with one message', () => {
    for (const value of ['2026-11-23', '2026-11-23T09:00:00', 'yesterday', '']) {
      const result = isoDateTime.safeParse(value);
      expect(result.success ? [] : issuesToFields(result.error), value).toStrictEqual([
        { path: '(root)', message: 'Must be an ISO date-time' },
      ]);
    }
  });
});
