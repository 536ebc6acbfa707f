import { describe, expect, it } from 'vitest';
import {
  bookVisit,
  cancelBooking,
  coverageList,
  defaultShare,
  openOffers,
  visitsOf,
} from '../../src/shared/visit-rules';
import type { Visit } from '../../src/shared/visits';
import { visit, visitNote } from '../support/visit-factories';

const school = 'b1000000-0000-4000-8000-0000000000b1';
const other = 'c2000000-0000-4000-8000-0000000000c2';
const host = '40000000-0000-4000-8000-000000000001';
const observer = { id: '40000000-0000-4000-8000-000000000002', name: 'Mr Colleague' };
const now = new Date('2026-11-30T12:00:00.000Z');
const at = (hhmm: string, day = '2026-11-30') => `${day}T${hhmm}:00.000Z`;

const offer = (overrides: Partial<Visit> = {}) =>
  visit({ schoolId: school, hostId: host, ...overrides });
const covered = (overrides: Partial<Visit> = {}) =>
  bookVisit(offer(overrides), observer, true, now);

describe('the principal’s coverage list', () => {
  it('lists upcoming booked visits that need coverage, soonest first, with logistics only', () => {
    const later = covered({ startsAt: at('14:00'), place: 'Room 7' });
    const sooner = {
      ...covered({ startsAt: at('13:00'), place: 'Room 3' }),
      coverageArranged: true,
    };
    const list = coverageList([later, sooner], [school], now);
    expect(list).toEqual([
      {
        visitId: sooner.id,
        schoolId: school,
        hostName: 'Ms Host',
        observerName: 'Mr Colleague',
        startsAt: at('13:00'),
        minutes: 30,
        place: 'Room 3',
        arranged: true,
      },
      expect.objectContaining({ visitId: later.id, place: 'Room 7', arranged: false }),
    ]);
  });

  it('leaves out visits that are over, cancelled, open, not asking, coaching or elsewhere', () => {
    const list = coverageList(
      [
        covered({ startsAt: at('11:00'), minutes: 30 }),
        { ...covered(), cancelled: true },
        offer({ needsCoverage: true }),
        bookVisit(offer(), observer, false, now),
        { ...covered(), kind: 'coaching' },
        covered({ schoolId: other }),
      ],
      [school],
      now,
    );
    expect(list).toEqual([]);
  });

  it('keeps a visit under way on the list until it ends', () => {
    expect(
      coverageList([covered({ startsAt: at('11:45'), minutes: 30 })], [school], now),
    ).toHaveLength(1);
  });

  it('can never carry note text or the focus, whatever the records hold', () => {
    const v = covered();
    const smuggled = { ...v, ...visitNote(v, { observerId: observer.id }), id: v.id } as Visit;
    const list = coverageList([smuggled], [school], now);
    expect(list).toHaveLength(1);
    expect(Object.keys(list[0]!).sort()).toEqual([
      'arranged',
      'hostName',
      'minutes',
      'observerName',
      'place',
      'schoolId',
      'startsAt',
      'visitId',
    ]);
    const text = JSON.stringify(list);
    expect(text).not.toContain('PRIVATE-');
    expect(text).not.toContain(v.focus);
  });
});

describe('offers and bookings', () => {
  it('offers only open, upcoming, uncancelled peer visits of the school', () => {
    const open = offer({ startsAt: at('15:00') });
    const earlier = offer({ startsAt: at('13:00') });
    const offers = openOffers(
      [
        open,
        earlier,
        covered(),
        offer({ cancelled: true }),
        offer({ startsAt: at('09:00') }),
        offer({ schoolId: other }),
      ],
      school,
      now,
    );
    expect(offers.map((v) => v.id)).toEqual([earlier.id, open.id]);
  });

  it('splits my visits as host and observer into upcoming and past', () => {
    const hosting = offer({ startsAt: at('13:00') });
    const observing = covered({ hostId: other, startsAt: at('10:00', '2026-11-29') });
    const theirs = offer({ hostId: other });
    const mine = visitsOf([hosting, observing, theirs], observer.id, now);
    expect(mine.upcoming).toEqual([]);
    expect(mine.past.map((v) => v.id)).toEqual([observing.id]);
    expect(visitsOf([hosting, observing, theirs], host, now).upcoming.map((v) => v.id)).toEqual([
      hosting.id,
    ]);
  });

  it('clears the coverage flag when a booking is cancelled', () => {
    const cancelled = cancelBooking({ ...covered(), coverageArranged: true }, now);
    expect(cancelled).toMatchObject({
      observerId: null,
      observerName: null,
      needsCoverage: false,
      coverageArranged: false,
    });
  });

  it('shares nothing of a peer note by default, and everything of a coach’s', () => {
    expect(Object.values(defaultShare('peer')).every((v) => !v)).toBe(true);
    expect(Object.values(defaultShare('coaching')).every((v) => v)).toBe(true);
  });
});
