import { describe, expect, it } from 'vitest';
import { blastEmpoweredLearning } from '../../../src/shared/builtin-protocols';
import { pairReport } from '../../../src/shared/calibration';
import {
  calibrationPartners,
  countsForPair,
  namedPartners,
  pairedRooms,
} from '../../../src/shared/evidence/pairs';
import { PAIRING_WINDOW_MINUTES } from '../../../src/shared/evidence/pairing';
import type { Observation } from '../../../src/shared/observation';
import { observation } from '../../support/factories';

const ana = '33000000-0000-4000-8000-00000000000a';
const ben = '33000000-0000-4000-8000-00000000000b';
const cy = '33000000-0000-4000-8000-00000000000c';

/** A finished visit by `by` naming `partner`, starting `minute` minutes past nine. */
function visit(
  by: string,
  partner: string | null,
  minute: number,
  overrides: Partial<Observation> = {},
): Observation {
  const start = Date.parse('2026-12-02T09:00:00.000Z') + minute * 60_000;
  return observation({
    observerId: by,
    calibrationPartnerId: partner,
    room: '114',
    status: 'complete',
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + 10 * 60_000).toISOString(),
    ...overrides,
  });
}

const observersOf = (rooms: ReturnType<typeof pairedRooms>) =>
  rooms.flatMap((p) => p.rooms.map((r) => r.visits.map((v) => v.observerId)));

describe('pairedRooms', () => {
  it('matches two observers who named each other in the same room', () => {
    const rooms = pairedRooms([visit(ana, ben, 0), visit(ben, ana, 3)], ana, ben);
    expect(rooms).toHaveLength(1);
    expect(rooms[0]).toMatchObject({
      protocolId: blastEmpoweredLearning.id,
      protocolVersion: blastEmpoweredLearning.version,
    });
    expect(observersOf(rooms)).toStrictEqual([[ana, ben]]);
    // The pair reads the same from either side.
    expect(
      observersOf(pairedRooms([visit(ana, ben, 0), visit(ben, ana, 3)], ben, ana)),
    ).toStrictEqual([[ana, ben]]);
  });

  it('matches the room by name in any case and spacing', () => {
    const rooms = pairedRooms(
      [visit(ana, ben, 0, { room: ' Room  12B ' }), visit(ben, ana, 1, { room: 'room 12b' })],
      ana,
      ben,
    );
    expect(rooms[0]?.rooms.map((r) => r.roomKey)).toStrictEqual(['name:room 12b']);
    expect(
      pairedRooms(
        [visit(ana, ben, 0, { room: '12' }), visit(ben, ana, 1, { room: '14' })],
        ana,
        ben,
      ),
    ).toStrictEqual([]);
  });

  it('pairs starts exactly the window apart, and not a second more', () => {
    const inside = [visit(ana, ben, 0), visit(ben, ana, PAIRING_WINDOW_MINUTES)];
    expect(pairedRooms(inside, ana, ben)).toHaveLength(1);
    const late = visit(ben, ana, PAIRING_WINDOW_MINUTES);
    late.startedAt = new Date(Date.parse(late.startedAt) + 1000).toISOString();
    expect(pairedRooms([visit(ana, ben, 0), late], ana, ben)).toStrictEqual([]);
  });

  it('needs both to name each other: a one-sided choice matches nothing', () => {
    expect(pairedRooms([visit(ana, ben, 0), visit(ben, null, 1)], ana, ben)).toStrictEqual([]);
    expect(pairedRooms([visit(ana, ben, 0), visit(ben, cy, 1)], ana, ben)).toStrictEqual([]);
    expect(pairedRooms([visit(ana, null, 0), visit(ben, ana, 1)], ana, ben)).toStrictEqual([]);
  });

  it('keeps protocol versions apart: different versions never pair', () => {
    expect(
      pairedRooms([visit(ana, ben, 0), visit(ben, ana, 1, { protocolVersion: 2 })], ana, ben),
    ).toStrictEqual([]);
    expect(
      pairedRooms([visit(ana, ben, 0), visit(ben, ana, 1, { protocolId: 'other' })], ana, ben),
    ).toStrictEqual([]);
  });

  it('reports each protocol version the pair used together on its own', () => {
    const rooms = pairedRooms(
      [
        visit(ana, ben, 0),
        visit(ben, ana, 1),
        visit(ana, ben, 60, { protocolVersion: 2 }),
        visit(ben, ana, 61, { protocolVersion: 2 }),
      ],
      ana,
      ben,
    );
    expect(rooms.map((p) => [p.protocolVersion, p.rooms.length])).toStrictEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('counts only finished visits outside rounds', () => {
    expect(
      pairedRooms(
        [visit(ana, ben, 0), visit(ben, ana, 1, { status: 'draft', endedAt: null })],
        ana,
        ben,
      ),
    ).toStrictEqual([]);
    const inRound = visit(ben, ana, 1, { roundId: crypto.randomUUID(), roomId: 'r1' });
    expect(countsForPair(inRound, ana, ben)).toBe(false);
    expect(pairedRooms([visit(ana, ben, 0), inRound], ana, ben)).toStrictEqual([]);
  });

  it('never pairs an observer with themselves, even with two visits to the room', () => {
    expect(pairedRooms([visit(ana, ben, 0), visit(ana, ben, 5)], ana, ben)).toStrictEqual([]);
    expect(pairedRooms([visit(ana, ben, 0)], ana, ana)).toStrictEqual([]);
    // A second visit of one observer starts a new group; the partner joins the later one.
    const rooms = pairedRooms(
      [visit(ana, ben, 0), visit(ana, ben, 5), visit(ben, ana, 6)],
      ana,
      ben,
    );
    expect(rooms[0]?.rooms).toHaveLength(1);
    expect(rooms[0]?.rooms[0]?.visits.map((v) => v.startedAt)).toStrictEqual([
      '2026-12-02T09:05:00.000Z',
      '2026-12-02T09:06:00.000Z',
    ]);
  });

  it('keeps a third observer out: a pair is two people who named each other', () => {
    // Ana and Ben named each other; Cy named Ana. Cy is in no pair with Ana.
    const visits = [visit(ana, ben, 0), visit(ben, ana, 1), visit(cy, ana, 2)];
    expect(observersOf(pairedRooms(visits, ana, ben))).toStrictEqual([[ana, ben]]);
    expect(pairedRooms(visits, ana, cy)).toStrictEqual([]);
    expect(pairedRooms(visits, cy, ben)).toStrictEqual([]);
  });

  it('matches nobody when three observers name each other in a ring', () => {
    const ring = [visit(ana, ben, 0), visit(ben, cy, 1), visit(cy, ana, 2)];
    for (const [a, b] of [
      [ana, ben],
      [ben, cy],
      [cy, ana],
    ] as const) {
      expect(pairedRooms(ring, a, b)).toStrictEqual([]);
    }
  });
});

describe('calibrationPartners', () => {
  it('lists everyone I named, with the rooms matched so far (0 while waiting)', () => {
    const visits = [
      visit(ana, ben, 0),
      visit(ben, ana, 1),
      visit(ana, ben, 40, { room: '120' }),
      visit(ben, ana, 42, { room: '120' }),
      visit(ana, cy, 90, { status: 'draft', endedAt: null }),
      visit(cy, ben, 91),
    ];
    expect(calibrationPartners(visits, ana)).toStrictEqual([
      { partnerId: ben, rooms: 2 },
      { partnerId: cy, rooms: 0 },
    ]);
    // Cy named Ben, but Ben never named Cy: Cy's list has Ben waiting, Ben's has no Cy.
    expect(calibrationPartners(visits, cy)).toStrictEqual([{ partnerId: ben, rooms: 0 }]);
    expect(namedPartners(visits, ben)).toStrictEqual([ana]);
  });

  it('ignores round visits and visits naming no one', () => {
    expect(calibrationPartners([visit(ana, null, 0)], ana)).toStrictEqual([]);
  });
});

describe('pairReport', () => {
  it('reports agreement per look-for with each disagreement beside both notes', () => {
    const names = new Map([
      [ana, 'Ana Ruiz'],
      [ben, 'Ben Osei'],
    ]);
    const visits = [
      visit(ana, ben, 0, {
        room: 'Room 114',
        responses: { 'learning-target-visible': 'seen', 'students-talk-to-peer': 'seen' },
        notes: 'Ana: target on the board',
      }),
      visit(ben, ana, 2, {
        room: 'room 114',
        responses: { 'learning-target-visible': 'seen', 'students-talk-to-peer': 'not_seen' },
        notes: 'Ben: pairs silent',
      }),
      // Cy's visit names Ana and must not appear.
      visit(cy, ana, 1, { room: 'Room 114', notes: 'Cy: private' }),
    ];
    const report = pairReport({ me: ana, partnerId: ben, names }, [blastEmpoweredLearning], visits);
    expect(report.partnerName).toBe('Ben Osei');
    expect(report.protocols).toHaveLength(1);
    const section = report.protocols[0]!;
    expect(section).toMatchObject({
      protocolName: blastEmpoweredLearning.name,
      rooms: 1,
      observers: ['Ana Ruiz', 'Ben Osei'],
    });
    const target = section.lookFors.find((l) => l.lookForId === 'learning-target-visible');
    expect(target).toMatchObject({ rooms: 1, percent: 1, disagreements: [] });
    const talk = section.lookFors.find((l) => l.lookForId === 'students-talk-to-peer');
    expect(talk?.percent).toBe(0);
    expect(talk?.disagreements).toStrictEqual([
      {
        room: 'Room 114',
        answers: [
          { observer: 'Ana Ruiz', answer: 'Seen', notes: 'Ana: target on the board' },
          { observer: 'Ben Osei', answer: 'Not seen', notes: 'Ben: pairs silent' },
        ],
      },
    ]);
    expect(JSON.stringify(report)).not.toContain('Cy: private');
  });

  it('leaves out a version whose protocol cannot be found', () => {
    const report = pairReport(
      { me: ana, partnerId: ben, names: new Map() },
      [],
      [visit(ana, ben, 0), visit(ben, ana, 1)],
    );
    expect(report).toStrictEqual({
      partnerId: ben,
      partnerName: 'A former colleague',
      protocols: [],
    });
  });
});
