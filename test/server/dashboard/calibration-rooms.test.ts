import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../../src/shared/dashboard';
import type { Observation } from '../../../src/shared/observation';
import type { Round } from '../../../src/shared/rounds';
import { visit } from '../../support/dashboard-seed';
import { putMutation, TEST_SCHOOL_ID, TEST_USER_ID } from '../../support/factories';
import { cookiesFor, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { fallAnswers, seedProtocol, seedRound } from './seed-round';

const dialects = await testDialects();
const partner = '33000000-0000-4000-8000-000000000001';
const team = [
  { userId: TEST_USER_ID, name: 'Coach Rivera' },
  { userId: partner, name: 'Coach Osei' },
];

describe.each(dialects)('a calibration round in the results, on %s', (dialect) => {
  let server: TestServer;
  let rivera: string;
  let osei: string;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await seedProtocol(server);
    rivera = await server.cookie();
    ({ osei } = await cookiesFor(server.db.db, { osei: [partner, TEST_SCHOOL_ID, 'coach'] }));
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  /** One observer's finished visits to rooms r1 to r6, with the answers given. */
  async function walk(plan: Round, cookie: string, observerId: string, answers: string[]) {
    const client = crypto.randomUUID();
    const mutations = answers.map((answer, i) =>
      putMutation(
        client,
        visit(plan, i + 1, {
          observerId,
          gradeBand: '3-5',
          subject: 'Math',
          responses: { 'checks-understanding': answer } as Observation['responses'],
          notes: fallAnswers[i]?.notes ?? '',
        }),
      ),
    );
    const { results } = await server.push(client, mutations, cookie);
    expect(results.map((r) => r.status)).toEqual(answers.map(() => 'applied'));
  }

  const summary = async (query: string) => {
    const res = await server.app.request(`/api/dashboard/summary?${query}`, {
      headers: { cookie: rivera },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Summary;
  };
  const checks = (s: Summary) => s.lookFors.find((r) => r.lookForId === 'checks-understanding')!;

  const first = ['seen', 'seen', 'seen', 'seen', 'not_seen', 'not_seen'];
  const second = ['seen', 'not_seen', 'not_seen', 'seen', 'seen', 'not_seen'];

  it('counts a room two observers visited as one classroom, with the first answers to arrive', async () => {
    const plan = await seedRound(server, { calibration: true, team });
    await walk(plan, rivera, TEST_USER_ID, first);
    await walk(plan, osei, partner, second);
    for (const query of [`roundId=${plan.id}`, `roundId=${plan.id}&gradeBand=3-5`]) {
      const s = await summary(query);
      expect(s.classrooms).toEqual({ suppressed: false, count: 6 });
      expect(checks(s).figure).toMatchObject({ classrooms: 6, seen: 4, notSeen: 2 });
    }
    const totals = await server.db.db
      .selectFrom('observation_fact_totals')
      .select(['seen', 'not_seen'])
      .where('look_for_id', '=', 'checks-understanding')
      .execute();
    expect(totals.reduce((n, t) => n + Number(t.seen) + Number(t.not_seen), 0)).toBe(6);
    // Both observers' visits stay for the calibration.
    expect(await server.count('observation_visits')).toBe(12);
    const report = await server.app.request(`/api/calibration/${plan.id}`, {
      headers: { cookie: rivera },
    });
    expect(((await report.json()) as { rooms: number }).rooms).toBe(6);
  });

  it('counts a room once when two of its visits arrive in one push', async () => {
    const plan = await seedRound(server, { calibration: true, team });
    const client = crypto.randomUUID();
    const twice = [1, 2, 3, 4, 5, 1, 2].map((room, i) =>
      putMutation(
        client,
        visit(plan, room, {
          startedAt: `${plan.startsOn}T09:${String(i * 5).padStart(2, '0')}:00.000Z`,
          endedAt: `${plan.startsOn}T09:${String(i * 5 + 4).padStart(2, '0')}:00.000Z`,
          responses: { 'checks-understanding': 'seen' },
        }),
      ),
    );
    const { results } = await server.push(client, twice, rivera);
    expect(results.map((r) => r.status)).toEqual(twice.map(() => 'applied'));
    const s = await summary(`roundId=${plan.id}`);
    expect(s.classrooms).toEqual({ suppressed: false, count: 5 });
    expect(checks(s).figure).toMatchObject({ classrooms: 5, seen: 5 });
  });

  it('keeps counting the room when the counted visit is edited', async () => {
    const plan = await seedRound(server, { calibration: true, team });
    await walk(plan, rivera, TEST_USER_ID, first);
    await walk(plan, osei, partner, second);
    await walk(plan, rivera, TEST_USER_ID, first);
    await walk(plan, osei, partner, second);
    const s = await summary(`roundId=${plan.id}`);
    expect(s.classrooms).toEqual({ suppressed: false, count: 6 });
    expect(checks(s).figure).toMatchObject({ seen: 4, notSeen: 2 });
  });

  it('still counts every visit of a round that is not for calibration', async () => {
    const plan = await seedRound(server, { team });
    await walk(plan, rivera, TEST_USER_ID, first);
    await walk(plan, osei, partner, second);
    const s = await summary(`roundId=${plan.id}`);
    expect(s.classrooms).toEqual({ suppressed: false, count: 12 });
  });
});
