import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ColleagueList, PairList, PairReport } from '../../../src/shared/answers/calibration';
import type { Observation } from '../../../src/shared/observation';
import { observation, putMutation, TEST_SCHOOL_ID } from '../../support/factories';
import { cookiesFor, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
// Test users are named "User " and the first four characters of their id.
const ana = 'a1a10000-0000-4000-8000-000000000001';
const ben = 'b2b20000-0000-4000-8000-000000000002';
const cy = 'c3c30000-0000-4000-8000-000000000003';
const principal = 'd4d40000-0000-4000-8000-000000000004';
const away = 'e5e50000-0000-4000-8000-000000000005';
const otherSchool = '0f0f0000-0000-4000-8000-0000000000ff';

type Person = 'ana' | 'ben' | 'cy' | 'principal' | 'away';
const ids: Record<Person, string> = { ana, ben, cy, principal, away };

describe.each(dialects)('calibration pairs outside rounds, on %s', (dialect) => {
  let server: TestServer;
  let as: Record<Person, string>;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await server.db.db
      .insertInto('schools')
      .values({ id: otherSchool, name: 'Roosevelt', created_at: new Date().toISOString() })
      .execute();
    as = await cookiesFor(server.db.db, {
      ana: [ana, TEST_SCHOOL_ID, 'teacher'],
      ben: [ben, TEST_SCHOOL_ID, 'coach'],
      cy: [cy, TEST_SCHOOL_ID, 'teacher'],
      principal: [principal, TEST_SCHOOL_ID, 'principal'],
      away: [away, otherSchool, 'teacher'],
    });
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  /** A finished visit to room 114 by `by`, naming `partner`, `minute` minutes past nine. */
  const visit = (
    by: Person,
    partner: string | null,
    minute: number,
    overrides: Partial<Observation> = {},
  ) =>
    observation({
      observerId: ids[by],
      calibrationPartnerId: partner,
      room: '114',
      status: 'complete',
      startedAt: `2026-12-02T09:${String(minute).padStart(2, '0')}:00.000Z`,
      endedAt: `2026-12-02T09:${String(minute + 10).padStart(2, '0')}:00.000Z`,
      ...overrides,
    });

  async function push(by: Person, o: Observation) {
    const client = crypto.randomUUID();
    const { results } = await server.push(client, [putMutation(client, o)], as[by]);
    return results[0]!;
  }
  async function pushed(by: Person, o: Observation) {
    const result = await push(by, o);
    expect(result.status, JSON.stringify(result)).toBe('applied');
  }
  const get = (by: Person, path: string) =>
    server.app.request(`/api/calibration/${path}`, { headers: { cookie: as[by] } });

  /** Ana and Ben in room 114 together: they agree on one look-for and not the other. */
  async function pairUp() {
    await pushed(
      'ana',
      visit('ana', ben, 0, {
        room: 'Room 114',
        responses: { 'learning-target-visible': 'seen', 'students-talk-to-peer': 'seen' },
        notes: 'Ana: two pairs explained their strategy',
      }),
    );
    await pushed(
      'ben',
      visit('ben', ana, 2, {
        room: ' room  114',
        responses: { 'learning-target-visible': 'seen', 'students-talk-to-peer': 'not_seen' },
        notes: 'Ben: talk was teacher to student',
      }),
    );
  }

  describe('naming a partner', () => {
    it('refuses a partner who is not on the staff of the school, writing nothing', async () => {
      for (const partner of [away, crypto.randomUUID()]) {
        const o = visit('ana', partner, 0);
        const result = await push('ana', o);
        expect(result).toMatchObject({
          status: 'rejected',
          errors: [
            {
              path: 'calibrationPartnerId',
              message: 'Calibrate with a colleague who is on the staff of this school',
            },
          ],
        });
        const stored = await server.db.db
          .selectFrom('records')
          .select('entity_id')
          .where('entity_id', '=', o.id)
          .execute();
        expect(stored).toStrictEqual([]);
      }
    });

    it('refuses a deactivated colleague, yet keeps saving notes that named them before', async () => {
      const o = visit('ana', ben, 0);
      await pushed('ana', o);
      await server.db.db
        .updateTable('users')
        .set({ deactivated_at: new Date().toISOString() })
        .where('id', '=', ben)
        .execute();
      expect((await push('ana', { ...o, notes: 'Edited later' })).status).not.toBe('rejected');
      expect(await push('ana', visit('ana', ben, 20))).toMatchObject({ status: 'rejected' });
    });

    it('refuses naming yourself, and naming a partner on a round visit', async () => {
      expect(await push('ana', visit('ana', ana, 0))).toMatchObject({
        status: 'rejected',
        errors: [
          { path: 'calibrationPartnerId', message: 'Calibrate with a colleague, not yourself' },
        ],
      });
      const inRound = visit('ana', ben, 0, { roundId: crypto.randomUUID(), roomId: 'r1' });
      expect(await push('ana', inRound)).toMatchObject({
        status: 'rejected',
        errors: [
          {
            path: 'calibrationPartnerId',
            message: 'A round visit calibrates with its round’s team',
          },
        ],
      });
    });

    it('lists the active colleagues of my schools, not me and not other schools', async () => {
      const res = await get('ana', 'colleagues');
      expect(res.status).toBe(200);
      const { colleagues } = ColleagueList.parse(await res.json());
      const listed = colleagues.map((c) => c.id);
      expect(listed).toEqual(expect.arrayContaining([ben, cy, principal]));
      expect(listed).not.toContain(ana);
      expect(listed).not.toContain(away);
      expect(colleagues.every((c) => c.schoolId === TEST_SCHOOL_ID)).toBe(true);
    });
  });

  describe('the pair report', () => {
    it('shows both observers their agreement, each disagreement beside both notes', async () => {
      await pairUp();
      for (const [me, partner] of [
        ['ana', ben],
        ['ben', ana],
      ] as const) {
        const res = await get(me, `pairs/${partner}`);
        expect(res.status, await res.clone().text()).toBe(200);
        const report = PairReport.parse(await res.json());
        expect(report.partnerId).toBe(partner);
        expect(report.protocols).toHaveLength(1);
        const section = report.protocols[0]!;
        expect(section).toMatchObject({ rooms: 1, observers: ['User a1a1', 'User b2b2'] });
        const target = section.lookFors.find((l) => l.lookForId === 'learning-target-visible');
        expect(target).toMatchObject({ rooms: 1, percent: 1, disagreements: [] });
        const talk = section.lookFors.find((l) => l.lookForId === 'students-talk-to-peer');
        expect(talk).toMatchObject({ rooms: 1, percent: 0, method: 'cohen' });
        expect(talk?.disagreements).toStrictEqual([
          {
            room: 'Room 114',
            answers: [
              {
                observer: 'User a1a1',
                answer: 'Seen',
                notes: 'Ana: two pairs explained their strategy',
              },
              {
                observer: 'User b2b2',
                answer: 'Not seen',
                notes: 'Ben: talk was teacher to student',
              },
            ],
          },
        ]);
        // Nothing about a teacher and no figure per observer.
        expect(Object.keys(section).sort()).toStrictEqual([
          'lookFors',
          'observers',
          'protocolId',
          'protocolName',
          'protocolVersion',
          'rooms',
        ]);
      }
    });

    it('waits for both: one observer’s visit makes no room, and a one-sided choice never shows notes', async () => {
      await pushed('ana', visit('ana', ben, 0));
      const waiting = PairReport.parse(await (await get('ana', `pairs/${ben}`)).json());
      expect(waiting.protocols).toStrictEqual([]);
      // Ben visits the same room at the same time but names no one: still nothing.
      await pushed('ben', visit('ben', null, 1, { notes: 'Ben alone' }));
      const still = await (await get('ana', `pairs/${ben}`)).text();
      expect(PairReport.parse(JSON.parse(still)).protocols).toStrictEqual([]);
      expect(still).not.toContain('Ben alone');
      // Outside the window: no room either.
      await pushed('ben', visit('ben', ana, 31));
      expect(
        PairReport.parse(await (await get('ana', `pairs/${ben}`)).json()).protocols,
      ).toStrictEqual([]);
      await pushed('ben', visit('ben', ana, 30));
      const paired = PairReport.parse(await (await get('ana', `pairs/${ben}`)).json());
      expect(paired.protocols[0]?.rooms).toBe(1);
    });

    it('is for the two observers only: a third person and the principal get 403', async () => {
      await pairUp();
      for (const who of ['cy', 'principal'] as const) {
        for (const partner of [ana, ben]) {
          const res = await get(who, `pairs/${partner}`);
          expect(res.status).toBe(403);
          expect(await res.json()).toMatchObject({
            error: {
              code: 'forbidden',
              message: 'Only the two observers who paired up see how they agreed',
            },
          });
        }
      }
      // Cy naming Ana on their own gets Cy no view of Ana's notes.
      await pushed('cy', visit('cy', ana, 1));
      const cysView = await get('cy', `pairs/${ana}`);
      expect(cysView.status).toBe(200);
      expect(PairReport.parse(await cysView.json()).protocols).toStrictEqual([]);
    });

    it('answers a bad, own or unknown partner id clearly', async () => {
      const bad = await get('ana', 'pairs/not-a-uuid');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: 'invalid_request' } });
      expect((await get('ana', `pairs/${ana}`)).status).toBe(400);
      expect((await get('ana', `pairs/${crypto.randomUUID()}`)).status).toBe(404);
    });
  });

  describe('my partners', () => {
    it('lists the colleagues I named with the rooms matched so far', async () => {
      await pairUp();
      await pushed('ana', visit('ana', cy, 40));
      const res = await get('ana', 'pairs');
      expect(res.status).toBe(200);
      expect(PairList.parse(await res.json()).partners).toStrictEqual([
        { partnerId: ben, name: 'User b2b2', rooms: 1 },
        { partnerId: cy, name: 'User c3c3', rooms: 0 },
      ]);
      expect(PairList.parse(await (await get('cy', 'pairs')).json()).partners).toStrictEqual([]);
      expect(PairList.parse(await (await get('principal', 'pairs')).json()).partners).toStrictEqual(
        [],
      );
    });
  });
});
