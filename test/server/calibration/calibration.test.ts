import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalibrationReport } from '../../../src/shared/answers/calibration';
import type { Observation } from '../../../src/shared/observation';
import type { Round } from '../../../src/shared/rounds';
import { visit } from '../../support/dashboard-seed';
import { putMutation, TEST_SCHOOL_ID, TEST_USER_ID } from '../../support/factories';
import { cookiesFor, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { seedProtocol, seedRound } from '../dashboard/seed-round';

const dialects = await testDialects();
const partner = '32000000-0000-4000-8000-000000000001';
const principal = '32000000-0000-4000-8000-000000000002';
const teacher = '32000000-0000-4000-8000-000000000003';

type Answers = Observation['responses'];

describe.each(dialects)('a round’s calibration, on %s', (dialect) => {
  let server: TestServer;
  let plan: Round;
  const as = {} as Record<'rivera' | 'partner' | 'principal' | 'teacher', string>;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await seedProtocol(server);
    Object.assign(
      as,
      await cookiesFor(server.db.db, {
        partner: [partner, TEST_SCHOOL_ID, 'coach'],
        principal: [principal, TEST_SCHOOL_ID, 'principal'],
        teacher: [teacher, TEST_SCHOOL_ID, 'teacher'],
      }),
    );
    as.rivera = await server.cookie();
    plan = await seedRound(server, {
      status: 'planned',
      calibration: true,
      team: [
        { userId: TEST_USER_ID, name: 'Coach Rivera' },
        { userId: partner, name: 'Coach Osei' },
      ],
    });
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  /** One observer's finished visits to rooms r1.., each starting `minute` past 9. */
  async function walk(cookie: string, observerId: string, rooms: Answers[], minute: number) {
    const client = crypto.randomUUID();
    const mutations = rooms.map((responses, i) =>
      putMutation(
        client,
        visit(plan, i + 1, {
          observerId,
          responses,
          notes: `${observerId === partner ? 'Osei' : 'Rivera'} in r${i + 1}`,
          startedAt: `${plan.startsOn}T09:${String(minute + i * 10).padStart(2, '0')}:00.000Z`,
          endedAt: `${plan.startsOn}T09:${String(minute + i * 10 + 5).padStart(2, '0')}:00.000Z`,
        }),
      ),
    );
    const { results } = await server.push(client, mutations, cookie);
    expect(results.map((r) => r.status)).toEqual(rooms.map(() => 'applied'));
  }

  const report = (cookie: string, id = plan.id) =>
    server.app.request(`/api/calibration/${id}`, { headers: { cookie } });

  it('shows the team how often they agreed, with each disagreement beside both notes', async () => {
    await walk(
      as.rivera,
      TEST_USER_ID,
      [
        { 'checks-understanding': 'seen', 'wait-time': { level: 'long' } },
        { 'checks-understanding': 'seen', 'wait-time': { level: 'short' } },
        { 'checks-understanding': 'not_seen' },
      ],
      0,
    );
    await walk(
      as.partner,
      partner,
      [
        { 'checks-understanding': 'seen', 'wait-time': { level: 'long' } },
        { 'checks-understanding': 'not_seen', 'wait-time': { level: 'short' } },
        { 'checks-understanding': 'not_seen' },
      ],
      2,
    );
    for (const cookie of [as.rivera, as.partner]) {
      const res = await report(cookie);
      expect(res.status, await res.clone().text()).toBe(200);
      const body = CalibrationReport.parse(await res.json());
      expect(body.rooms).toBe(3);
      expect(body.observers).toStrictEqual(['Coach Osei', 'Coach Rivera']);
      const checks = body.lookFors.find((l) => l.lookForId === 'checks-understanding');
      expect(checks).toMatchObject({ rooms: 3, method: 'cohen' });
      expect(checks?.percent).toBeCloseTo(2 / 3, 10);
      expect(checks?.kappa).toBeCloseTo(0.4, 10);
      expect(checks?.disagreements).toStrictEqual([
        {
          room: 'Room 2',
          answers: [
            { observer: 'Coach Rivera', answer: 'Seen', notes: `Rivera in r2` },
            { observer: 'Coach Osei', answer: 'Not seen', notes: `Osei in r2` },
          ],
        },
      ]);
      const wait = body.lookFors.find((l) => l.lookForId === 'wait-time');
      expect(wait).toMatchObject({ rooms: 2, percent: 1, kappa: 1, disagreements: [] });
      // Quotes are read, not scored.
      expect(body.lookFors.some((l) => l.lookForId === 'student-voice')).toBe(false);
      // Figures are per look-for only: no teacher field and no figure per observer.
      expect(Object.keys(body).sort()).toStrictEqual([
        'lookFors',
        'observers',
        'rooms',
        'roundId',
        'roundName',
      ]);
      expect(Object.keys(checks ?? {}).sort()).toStrictEqual([
        'disagreements',
        'kappa',
        'lookForId',
        'method',
        'percent',
        'rooms',
        'text',
      ]);
    }
  });

  it('waits for both observers: one observer’s visits make no pairs', async () => {
    await walk(as.rivera, TEST_USER_ID, [{ 'checks-understanding': 'seen' }], 0);
    const body = CalibrationReport.parse(await (await report(as.rivera)).json());
    expect(body.rooms).toBe(0);
    expect(body.lookFors.every((l) => l.percent === null && l.disagreements.length === 0)).toBe(
      true,
    );
  });

  it('is for the round’s team only', async () => {
    expect((await report(as.principal)).status).toBe(403);
    const teacherAnswer = await report(as.teacher);
    expect(teacherAnswer.status).toBe(403);
    expect(await teacherAnswer.json()).toMatchObject({
      error: { code: 'forbidden', message: "Only the round's team sees how its observers agreed" },
    });
  });

  it('answers a bad or unknown round id clearly', async () => {
    const bad = await report(as.rivera, 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_request' } });
    expect((await report(as.rivera, crypto.randomUUID())).status).toBe(404);
  });
});
