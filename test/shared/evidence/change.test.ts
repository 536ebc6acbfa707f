import { describe, expect, it } from 'vitest';
import { changeSince, isEnough, CHANGE_METHOD } from '../../../src/shared/evidence/change';

describe('changeSince', () => {
  it('says up only from the first share outside both ranges (10 of 20 before)', () => {
    expect(changeSince({ seen: 10, total: 20 }, { seen: 13, total: 20 }, 5)).toBe(
      'no-clear-change',
    );
    expect(changeSince({ seen: 10, total: 20 }, { seen: 14, total: 20 }, 5)).toBe('up');
    expect(changeSince({ seen: 10, total: 20 }, { seen: 20, total: 20 }, 5)).toBe('up');
  });

  it('says down only from the first share outside both ranges, the mirror of up', () => {
    expect(changeSince({ seen: 10, total: 20 }, { seen: 7, total: 20 }, 5)).toBe('no-clear-change');
    expect(changeSince({ seen: 10, total: 20 }, { seen: 6, total: 20 }, 5)).toBe('down');
    expect(changeSince({ seen: 10, total: 20 }, { seen: 0, total: 20 }, 5)).toBe('down');
  });

  it('needs a bigger change when the rounds are smaller', () => {
    // 50% to 65% is no clear change on 20 rooms each, and up on 400 each.
    expect(changeSince({ seen: 10, total: 20 }, { seen: 13, total: 20 }, 5)).toBe(
      'no-clear-change',
    );
    expect(changeSince({ seen: 200, total: 400 }, { seen: 260, total: 400 }, 5)).toBe('up');
  });

  it('weighs each round by its own size (10 of 20 before, out of 40 after)', () => {
    expect(changeSince({ seen: 10, total: 20 }, { seen: 26, total: 40 }, 5)).toBe(
      'no-clear-change',
    );
    expect(changeSince({ seen: 10, total: 20 }, { seen: 27, total: 40 }, 5)).toBe('up');
    expect(changeSince({ seen: 10, total: 20 }, { seen: 14, total: 40 }, 5)).toBe(
      'no-clear-change',
    );
    expect(changeSince({ seen: 10, total: 20 }, { seen: 13, total: 40 }, 5)).toBe('down');
  });

  it('says no clear change when nothing moved', () => {
    expect(changeSince({ seen: 12, total: 30 }, { seen: 12, total: 30 }, 5)).toBe(
      'no-clear-change',
    );
  });

  it('gives no direction when either round rests on fewer classrooms than enough', () => {
    expect(changeSince({ seen: 0, total: 4 }, { seen: 4, total: 4 }, 5)).toBe('not-enough');
    expect(changeSince({ seen: 0, total: 30 }, { seen: 4, total: 4 }, 5)).toBe('not-enough');
    expect(changeSince({ seen: 0, total: 0 }, { seen: 0, total: 0 }, 0)).toBe('not-enough');
    expect(changeSince({ seen: 0, total: 5 }, { seen: 5, total: 5 }, 5)).toBe('up');
  });

  it('explains the method in one sentence', () => {
    expect(CHANGE_METHOD.trim().slice(0, -1)).not.toMatch(/[.!?]\s/);
    expect(CHANGE_METHOD).toContain('90%');
  });
});

describe('isEnough', () => {
  it('compares the classrooms answered with the setting, at least one', () => {
    expect(isEnough({ seen: 2, total: 4 }, 5)).toBe(false);
    expect(isEnough({ seen: 2, total: 5 }, 5)).toBe(true);
    expect(isEnough({ seen: 0, total: 0 }, 0)).toBe(false);
  });
});
