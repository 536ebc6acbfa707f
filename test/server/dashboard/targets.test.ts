import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoundTargets } from '../../../src/shared/targets';
import type { Round } from '../../../src/shared/rounds';
import { TEST_SCHOOL_ID } from '../../support/factories';
import { cookiesFor, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { fallAnswers, pushVisits, seedProtocol, seedRound } from './seed-round';

const dialects = await testDialects();
const OTHER_SCHOOL = '10000000-0000-4000-8000-0000000000b2';
const teacher = '32000000-0000-4000-8000-000000000001';
const principal = '32000000-0000-4000-8000-000000000002';
const coach = '32000000-0000-4000-8000-000000000003';
const otherCoach = '32000000-0000-4000-8000-000000000004';

describe.each(dialects)('targets per look-for, on %s', (dialect) => {
  let server: TestServer;
  let fall: Round;
  type Who = 'teacher' | 'principal' | 'coach' | 'otherCoach' | 'admin';
  const as = {} as Record<Who, string>;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await seedProtocol(server);
    fall = await seedRound(server);
    await pushVisits(server, fall, fallAnswers);
    Object.assign(
      as,
      await cookiesFor(server.db.db, {
        teacher: [teacher, TEST_SCHOOL_ID, 'teacher'],
        principal: [principal, TEST_SCHOOL_ID, 'principal'],
        coach: [coach, TEST_SCHOOL_ID, 'coach'],
        otherCoach: [otherCoach, OTHER_SCHOOL, 'coach'],
      }),
    );
    as.admin = await server.cookie();
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const put = (cookie: string, body: Record<string, unknown>) =>
    server.app.request('/api/dashboard/targets', {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        roundId: fall.id,
        lookForId: 'checks-understanding',
        scope: 'round',
        percent: 80,
        ...body,
      }),
    });
  const read = async (cookie: string, roundId = fall.id) => {
    const res = await server.app.request(`/api/dashboard/targets?roundId=${roundId}`, {
      headers: { cookie },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as RoundTargets;
  };
  const error = async (res: Response) =>
    ((await res.json()) as { error: { message: string } }).error.message;
  const rowCount = async () =>
    (await server.db.db.selectFrom('result_targets').selectAll().execute()).length;

  it('lets a principal set a round target that teachers then read', async () => {
    const res = await put(as.principal, { percent: 80 });
    expect(res.status, await res.clone().text()).toBe(200);
    const seen = await read(as.teacher);
    expect(seen).toEqual({
      roundId: fall.id,
      schoolYear: '2026-2027',
      maySet: false,
      targets: [{ lookForId: 'checks-understanding', round: 80, year: null }],
    });
    expect((await read(as.principal)).maySet).toBe(true);
  });

  it("applies a school year's target to every round of the protocol starting in that year", async () => {
    expect((await put(as.coach, { scope: 'year', percent: 60 })).status).toBe(200);
    const winter = await seedRound(server, {
      name: 'Winter',
      startsOn: '2027-01-11',
      endsOn: '2027-01-15',
    });
    const nextYear = await seedRound(server, {
      name: 'Fall 27',
      startsOn: '2027-09-06',
      endsOn: '2027-09-10',
    });
    expect((await read(as.teacher, winter.id)).targets).toEqual([
      { lookForId: 'checks-understanding', round: null, year: 60 },
    ]);
    expect((await read(as.teacher, nextYear.id)).targets).toEqual([]);
  });

  it('replaces a target when set again, and removes it with null', async () => {
    await put(as.principal, { percent: 70 });
    await put(as.principal, { percent: 85 });
    expect((await read(as.teacher)).targets[0]?.round).toBe(85);
    expect(await rowCount()).toBe(1);
    const res = await put(as.principal, { percent: null });
    expect(res.status).toBe(200);
    expect(((await res.json()) as RoundTargets).targets).toEqual([]);
    expect(await rowCount()).toBe(0);
  });

  it('records every change in the audit log', async () => {
    await put(as.coach, { percent: 75 });
    await put(as.coach, { percent: null });
    const audit = await server.db.db
      .selectFrom('audit_log')
      .select(['action', 'subject', 'actor_id'])
      .where('action', 'like', 'results.target.%')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'results.target.remove',
      'results.target.set',
    ]);
    expect(audit.every((a) => a.subject === fall.id && a.actor_id === coach)).toBe(true);
  });

  it('refuses teachers and leaders of another school, and changes nothing', async () => {
    expect((await put(as.teacher, {})).status).toBe(403);
    expect(await error(await put(as.otherCoach, {}))).toMatch(/principal, a coach/);
    expect(await rowCount()).toBe(0);
    const res = await server.app.request(`/api/dashboard/targets?roundId=${fall.id}`, {
      headers: { cookie: as.otherCoach },
    });
    expect(res.status).toBe(403);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [{ percent: 120 }, 400, /Some fields need attention/],
      [{ percent: 'high' }, 400, /Some fields need attention/],
      [{ scope: 'month' }, 400, /Some fields need attention/],
      [{ lookForId: 'no-such-look-for' }, 400, /no look-for "no-such-look-for"/],
      [{ lookForId: 'wait-time' }, 400, /seen \/ not seen/],
      [{ roundId: crypto.randomUUID() }, 404, /No such round/],
    ];
    for (const [body, status, message] of cases) {
      const res = await put(as.principal, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await error(res)).toMatch(message);
    }
    const fields = await put(as.principal, { percent: 120 });
    expect(JSON.stringify(await fields.json())).toContain('A target is at most 100%');
    const notJson = await server.app.request('/api/dashboard/targets', {
      method: 'PUT',
      headers: { cookie: as.principal, 'content-type': 'application/json' },
      body: '{"percent": ',
    });
    expect(notJson.status).toBe(400);
    const badQuery = await server.app.request('/api/dashboard/targets?roundId=x', {
      headers: { cookie: as.teacher },
    });
    expect(badQuery.status).toBe(400);
    expect(await rowCount()).toBe(0);
  });

  it('puts the targets in the CSV', async () => {
    await put(as.principal, { percent: 80 });
    const res = await server.app.request(`/api/dashboard/summary.csv?roundId=${fall.id}`, {
      headers: { cookie: as.teacher },
    });
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toMatch(/,Target$/);
    expect(lines.find((l) => l.startsWith('checks-understanding,'))).toMatch(/,80$/);
    expect(lines.find((l) => l.startsWith('wait-time,'))).toMatch(/,$/);
  });
});
