import { afterEach, describe, expect, it, vi } from 'vitest';
import { STARTER_NUDGES } from '../../../src/shared/evidence/nudges';
import { mergeLists } from '../../../src/client/data/nudges';

afterEach(() => vi.unstubAllGlobals());

describe('the nudge list on the device', () => {
  it('merges two schools’ lists, the first entry for a phrase winning', () => {
    const a = [{ phrase: 'great', suggestion: 'A' }];
    const b = [
      { phrase: 'Great', suggestion: 'B' },
      { phrase: 'lazy', suggestion: 'C' },
    ];
    expect(mergeLists([a, b])).toEqual([
      { phrase: 'great', suggestion: 'A' },
      { phrase: 'lazy', suggestion: 'C' },
    ]);
    expect(mergeLists([STARTER_NUDGES])).toBe(STARTER_NUDGES);
  });
});
