import { describe, expect, it } from 'vitest';
import {
  agreementLabel,
  calibrate,
  matchRooms,
  type CalibrationVisit,
} from '../../../src/shared/evidence/pairing';

let n = 0;
const visit = (
  observerId: string,
  roomKey: string,
  startedAt: string,
  responses: CalibrationVisit['responses'] = {},
  notes = '',
): CalibrationVisit => ({ id: `v${++n}`, observerId, roomKey, startedAt, responses, notes });

describe('matchRooms', () => {
  it('pairs two observers in the same room within the window', () => {
    const rooms = matchRooms([
      visit('ana', 'r1', '2026-11-30T09:00:00Z'),
      visit('ben', 'r1', '2026-11-30T09:04:00Z'),
      visit('ana', 'r2', '2026-11-30T09:15:00Z'),
    ]);
    expect(rooms.map((r) => [r.roomKey, r.visits.map((v) => v.observerId)])).toStrictEqual([
      ['r1', ['ana', 'ben']],
    ]);
  });

  it('does not pair visits to the same room further apart than the window', () => {
    expect(
      matchRooms([
        visit('ana', 'r1', '2026-11-30T09:00:00Z'),
        visit('ben', 'r1', '2026-11-30T09:30:01Z'),
      ]),
    ).toStrictEqual([]);
    expect(
      matchRooms([
        visit('ana', 'r1', '2026-11-30T09:00:00Z'),
        visit('ben', 'r1', '2026-11-30T09:30:00Z'),
      ]),
    ).toHaveLength(1);
  });

  it('never pairs an observer with themselves and starts a new group for a second visit', () => {
    const rooms = matchRooms([
      visit('ana', 'r1', '2026-11-30T09:00:00Z'),
      visit('ana', 'r1', '2026-11-30T09:05:00Z'),
      visit('ben', 'r1', '2026-11-30T09:06:00Z'),
    ]);
    expect(rooms).toHaveLength(1);
    expect(rooms[0]?.visits.map((v) => v.observerId)).toStrictEqual(['ana', 'ben']);
  });

  it('groups three observers, whatever order the visits arrived in', () => {
    const rooms = matchRooms([
      visit('cy', 'r1', '2026-11-30T09:10:00Z'),
      visit('ana', 'r1', '2026-11-30T09:00:00Z'),
      visit('ben', 'r1', '2026-11-30T09:02:00Z'),
    ]);
    expect(rooms[0]?.visits.map((v) => v.observerId)).toStrictEqual(['ana', 'ben', 'cy']);
  });
});

describe('agreementLabel', () => {
  it('compares seen answers, levels, counts and choices in any order; not text', () => {
    expect(agreementLabel('seen')).toBe('seen');
    expect(agreementLabel({ level: 'l2' })).toBe('level:l2');
    expect(agreementLabel({ count: 0 })).toBe('count:0');
    expect(agreementLabel({ choices: ['b', 'a'] })).toBe(agreementLabel({ choices: ['a', 'b'] }));
    expect(agreementLabel({ text: 'x' })).toBeNull();
    expect(agreementLabel({ quote: 'x' })).toBeNull();
    expect(agreementLabel(undefined)).toBeNull();
  });
});

describe('calibrate', () => {
  const rooms = matchRooms([
    visit('ana', 'r1', '2026-11-30T09:00:00Z', { a: 'seen', b: 'seen' }, 'Ana r1'),
    visit('ben', 'r1', '2026-11-30T09:01:00Z', { a: 'seen', b: 'not_seen' }, 'Ben r1'),
    visit('ana', 'r2', '2026-11-30T09:20:00Z', { a: 'not_seen', b: 'seen' }),
    visit('ben', 'r2', '2026-11-30T09:21:00Z', { a: 'not_seen' }),
    visit('ana', 'r3', '2026-11-30T09:40:00Z', { a: 'seen', b: 'not_seen' }),
    visit('ben', 'r3', '2026-11-30T09:41:00Z', { a: 'not_seen', b: 'not_seen' }),
  ]);

  it('gives each look-for its agreement over the rooms both observers answered', () => {
    const [a, b] = calibrate(rooms, ['a', 'b']);
    expect(a?.agreement).toMatchObject({ rooms: 3, percent: 2 / 3, method: 'cohen' });
    expect(b?.agreement).toMatchObject({ rooms: 2, percent: 1 / 2 });
  });

  it('lists every disagreement with both observers’ answers and notes', () => {
    const [a, b] = calibrate(rooms, ['a', 'b']);
    expect(a?.disagreements.map((d) => d.roomKey)).toStrictEqual(['r3']);
    expect(b?.disagreements).toStrictEqual([
      {
        roomKey: 'r1',
        answers: [
          { observerId: 'ana', value: 'seen', notes: 'Ana r1' },
          { observerId: 'ben', value: 'not_seen', notes: 'Ben r1' },
        ],
      },
    ]);
  });

  it('has no agreement for a look-for nobody answered in a shared room', () => {
    expect(calibrate(rooms, ['zzz'])).toStrictEqual([
      { lookForId: 'zzz', agreement: null, disagreements: [] },
    ]);
  });
});
