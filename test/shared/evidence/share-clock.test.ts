import { describe, expect, it } from 'vitest';
import {
  isSchoolDay,
  localDate,
  shareBy,
  shareClock,
  shareClockText,
} from '../../../src/shared/evidence/share-clock';

// 2026-11-30 is a Monday.
describe('shareBy', () => {
  it('gives two school days after closing by default', () => {
    expect(shareBy('2026-11-30')).toBe('2026-12-02'); // Monday -> Wednesday
    expect(shareBy('2026-12-03')).toBe('2026-12-07'); // Thursday -> Monday
    expect(shareBy('2026-12-04')).toBe('2026-12-08'); // Friday -> Tuesday
    expect(shareBy('2026-12-05')).toBe('2026-12-08'); // closed on a Saturday
  });

  it('skips the district’s days off', () => {
    const off = new Set(['2026-12-01']);
    expect(shareBy('2026-11-30', 2, off)).toBe('2026-12-03');
    const winter = new Set(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25']);
    expect(shareBy('2026-12-18', 2, winter)).toBe('2026-12-29');
  });

  it('takes the district’s number of days, 0 meaning the day of closing', () => {
    expect(shareBy('2026-11-30', 0)).toBe('2026-11-30');
    expect(shareBy('2026-11-30', 5)).toBe('2026-12-07');
  });

  it('refuses a date that is not one and an impossible setting', () => {
    expect(() => shareBy('2026-02-30')).toThrow(RangeError);
    expect(() => shareBy('30/11/2026')).toThrow(RangeError);
    expect(() => shareBy('2026-11-30', -1)).toThrow(RangeError);
    expect(() => shareBy('2026-11-30', 1.5)).toThrow(RangeError);
  });
});

describe('isSchoolDay', () => {
  it('is a weekday that is not a day off', () => {
    expect(isSchoolDay('2026-11-30')).toBe(true);
    expect(isSchoolDay('2026-11-29')).toBe(false);
    expect(isSchoolDay('2026-11-28')).toBe(false);
    expect(isSchoolDay('2026-11-30', new Set(['2026-11-30']))).toBe(false);
  });
});

describe('shareClock', () => {
  it('counts the school days left, not the calendar days', () => {
    expect(shareClock('2026-12-07', '2026-12-04', null)).toStrictEqual({
      state: 'due',
      schoolDaysLeft: 1,
      shareBy: '2026-12-07',
    });
    expect(shareClock('2026-12-02', '2026-11-30', null)).toMatchObject({ schoolDaysLeft: 2 });
    expect(shareClock('2026-12-02', '2026-12-02', null)).toMatchObject({ schoolDaysLeft: 0 });
  });

  it('is overdue from the day after the last day', () => {
    expect(shareClock('2026-12-02', '2026-12-03', null)).toStrictEqual({
      state: 'overdue',
      shareBy: '2026-12-02',
    });
  });

  it('stops when the round is shared, on time through the last day', () => {
    expect(shareClock('2026-12-02', '2026-12-09', '2026-12-02')).toMatchObject({
      state: 'shared',
      onTime: true,
    });
    expect(shareClock('2026-12-02', '2026-12-09', '2026-12-03')).toMatchObject({
      state: 'shared',
      onTime: false,
    });
  });
});

describe('shareClockText', () => {
  it('says where the clock stands in plain words', () => {
    expect(shareClockText(shareClock('2026-12-02', '2026-11-30', null))).toBe(
      'Share with staff within 2 school days (by 2026-12-02)',
    );
    expect(shareClockText(shareClock('2026-12-02', '2026-12-01', null))).toBe(
      'Share with staff by the end of the next school day',
    );
    expect(shareClockText(shareClock('2026-12-02', '2026-12-02', null))).toBe(
      'Share with staff by the end of today',
    );
    expect(shareClockText(shareClock('2026-12-02', '2026-12-03', null))).toBe(
      'Share with staff: overdue since 2026-12-02',
    );
    expect(shareClockText(shareClock('2026-12-02', '2026-12-03', '2026-12-01'))).toBe(
      'Shared with staff on time',
    );
    expect(shareClockText(shareClock('2026-12-02', '2026-12-03', '2026-12-03'))).toBe(
      'Shared with staff late',
    );
  });
});

describe('localDate', () => {
  it('gives the calendar date in the district’s time zone', () => {
    expect(localDate('2026-12-01T03:30:00Z', 'America/Chicago')).toBe('2026-11-30');
    expect(localDate('2026-12-01T03:30:00Z', 'UTC')).toBe('2026-12-01');
    expect(localDate('2026-11-30T23:30:00Z', 'Pacific/Auckland')).toBe('2026-12-01');
  });
});
