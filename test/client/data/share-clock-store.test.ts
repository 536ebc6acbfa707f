import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import {
  clockOn,
  keepSchoolClocks,
  keptSchoolClocks,
  readSchoolClocks,
} from '../../../src/client/data/share-clock-store';
import type { RoundShareClock } from '../../../src/shared/answers/share-back';

const SCHOOL = '10000000-0000-4000-8000-000000000001';
const OTHER_SCHOOL = '10000000-0000-4000-8000-000000000002';
const ROUND = '50000000-0000-4000-8000-000000000001';

/**
 * Closed on Thursday 26 November 2026; Monday the 30th is a day off, so with two
 * school days it is due by Tuesday 1 December (Friday, then Tuesday).
 */
const received = (extra: Partial<RoundShareClock> = {}): RoundShareClock => ({
  roundId: ROUND,
  roundName: 'Winter sweep',
  schoolId: SCHOOL,
  schoolName: 'Lincoln Elementary',
  closedOn: '2026-11-26',
  shareBy: '2026-12-01',
  sharedOn: null,
  daysOff: ['2026-11-30'],
  clock: { state: 'due', schoolDaysLeft: 2, shareBy: '2026-12-01' },
  ...extra,
});

// Noon UTC: the same calendar date wherever the test machine's clock is set.
const at = (date: string) => new Date(`${date}T12:00:00.000Z`);

const online = (rounds: RoundShareClock[]) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ rounds })),
  );
const offline = () =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
  );

describe('share-back clocks kept on the device', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`share-clocks-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    await db.delete();
  });

  it('keeps the last clock received and, offline, counts its school days left from today', async () => {
    online([received()]);
    expect(await readSchoolClocks(db, SCHOOL, at('2026-11-26'))).toEqual({
      ok: true,
      clocks: [received()],
      kept: false,
    });

    offline();
    // Friday: Saturday, Sunday and the day off on Monday do not count; Tuesday does.
    const friday = await readSchoolClocks(db, SCHOOL, at('2026-11-27'));
    expect(friday).toEqual({
      ok: true,
      clocks: [received({ clock: { state: 'due', schoolDaysLeft: 1, shareBy: '2026-12-01' } })],
      kept: true,
    });
    const tuesday = await readSchoolClocks(db, SCHOOL, at('2026-12-01'));
    expect(tuesday.ok && tuesday.clocks[0]!.clock).toEqual({
      state: 'due',
      schoolDaysLeft: 0,
      shareBy: '2026-12-01',
    });
    const wednesday = await readSchoolClocks(db, SCHOOL, at('2026-12-02'));
    expect(wednesday.ok && wednesday.clocks[0]!.clock).toEqual({
      state: 'overdue',
      shareBy: '2026-12-01',
    });
  });

  it('keeps a shared round shared, on time or late as the server said', () => {
    const shared = received({
      sharedOn: '2026-12-02',
      clock: { state: 'shared', onTime: false, shareBy: '2026-12-01', sharedOn: '2026-12-02' },
    });
    expect(clockOn(shared, '2026-12-10')).toEqual(shared);
  });

  it('replaces a school’s kept clocks with the server’s, dropping a reopened round’s', async () => {
    const other = received({ roundId: 'other-school-round', schoolId: OTHER_SCHOOL });
    await keepSchoolClocks(db, OTHER_SCHOOL, [other], at('2026-11-26'));
    online([received(), received({ roundId: 'second-round' })]);
    await readSchoolClocks(db, SCHOOL, at('2026-11-26'));
    expect((await keptSchoolClocks(db, SCHOOL)).map((c) => c.roundId).sort()).toEqual([
      ROUND,
      'second-round',
    ]);
    online([received()]);
    await readSchoolClocks(db, SCHOOL, at('2026-11-26'));
    expect((await keptSchoolClocks(db, SCHOOL)).map((c) => c.roundId)).toEqual([ROUND]);
    expect(await keptSchoolClocks(db, OTHER_SCHOOL)).toEqual([other]);
  });

  it('passes a refusal on instead of showing the kept clocks', async () => {
    online([received()]);
    await readSchoolClocks(db, SCHOOL, at('2026-11-26'));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          { error: { code: 'forbidden', message: 'Only the school’s principal…' } },
          { status: 403 },
        ),
      ),
    );
    expect(await readSchoolClocks(db, SCHOOL, at('2026-11-27'))).toEqual({
      ok: false,
      message: 'Only the school’s principal…',
    });
  });

  it('drops a kept clock that no longer reads as one, and one whose dates are not dates', async () => {
    await db.meta.bulkPut([
      { key: `share-clock:${SCHOOL}:broken`, value: { at: 'x', clock: { roundId: 1 } } },
      {
        key: `share-clock:${SCHOOL}:bad-date`,
        value: { at: 'x', clock: received({ roundId: 'bad-date', shareBy: 'soon' }) },
      },
    ]);
    offline();
    expect(await readSchoolClocks(db, SCHOOL, at('2026-11-27'))).toEqual({
      ok: true,
      clocks: [],
      kept: true,
    });
    expect(await db.meta.get(`share-clock:${SCHOOL}:broken`)).toBeUndefined();
  });
});
