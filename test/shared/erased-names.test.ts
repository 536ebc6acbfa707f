import { describe, expect, it } from 'vitest';
import { ERASED_NAME, withoutName } from '../../src/shared/erased-names';

const gone = '70000000-0000-4000-8000-000000000001';
const other = '70000000-0000-4000-8000-000000000002';

describe("taking an erased person's name off the records that stay", () => {
  it('renames the observer of their observation, and leaves others’ alone', () => {
    expect(withoutName('observation', { observerId: gone, observer: 'Lee' }, gone)).toEqual({
      observerId: gone,
      observer: ERASED_NAME,
    });
    expect(withoutName('observation', { observerId: other, observer: 'Kim' }, gone)).toBeNull();
  });

  it('renames them on a round’s team only', () => {
    const round = {
      team: [
        { userId: gone, name: 'Lee' },
        { userId: other, name: 'Kim' },
      ],
    };
    expect(withoutName('round', round, gone)).toEqual({
      team: [
        { userId: gone, name: ERASED_NAME },
        { userId: other, name: 'Kim' },
      ],
    });
    expect(withoutName('round', round, '70000000-0000-4000-8000-000000000003')).toBeNull();
  });

  it('renames them as host or observer of a visit', () => {
    const v = { hostId: other, hostName: 'Kim', observerId: gone, observerName: 'Lee' };
    expect(withoutName('visit', v, gone)).toEqual({ ...v, observerName: ERASED_NAME });
    expect(withoutName('visit', v, other)).toEqual({ ...v, hostName: ERASED_NAME });
  });

  it('changes nothing already renamed, and no other kind of record', () => {
    expect(
      withoutName('observation', { observerId: gone, observer: ERASED_NAME }, gone),
    ).toBeNull();
    expect(withoutName('visit-note', { observerId: gone }, gone)).toBeNull();
  });
});
