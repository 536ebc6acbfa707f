import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Round } from '../../../src/shared/rounds';
import { TEST_SCHOOL_ID } from '../../support/factories';
import { cookiesFor, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { fallAnswers, pushVisits, seedProtocol, seedRound } from './seed-round';

const dialects = await testDialects();
const OTHER_SCHOOL = '10000000-0000-4000-8000-0000000000b2';
const teacher = '30000000-0000-4000-8000-000000000001';
const principal = '30000000-0000-4000-8000-000000000002';
const otherTeacher = '30000000-0000-4000-8000-000000000003';
const otherCoach = '30000000-0000-4000-8000-000000000004';
const noSchool = '30000000-0000-4000-8000-000000000005';

describe.each(dialects)('who sees the results dashboard, on %s', (dialect) => {
  let server: TestServer;
  let plan: Round;
  type Who = 'teacher' | 'principal' | 'otherTeacher' | 'otherCoach' | 'noSchool' | 'admin';
  const as = {} as Record<Who, string>;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await seedProtocol(server);
    plan = await seedRound(server);
    await pushVisits(server, plan, fallAnswers);
    const db = server.db.db;
    Object.assign(
      as,
      await cookiesFor(db, {
        teacher: [teacher, TEST_SCHOOL_ID, 'teacher'],
        principal: [principal, TEST_SCHOOL_ID, 'principal'],
        otherTeacher: [otherTeacher, OTHER_SCHOOL, 'teacher'],
        otherCoach: [otherCoach, OTHER_SCHOOL, 'coach'],
        noSchool: [noSchool],
      }),
    );
    as.admin = await server.cookie();
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const get = (path: string, cookie?: string) =>
    server.app.request(path, { headers: cookie ? { cookie } : {} });
  const share = (on: boolean, cookie: string, school = TEST_SCHOOL_ID) =>
    server.app.request(`/api/dashboard/sharing/${school}`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ shareWithStaff: on }),
    });
  const round = () => `/api/dashboard/summary?roundId=${plan.id}`;
  const range = (school: string) =>
    `/api/dashboard/summary?schoolId=${school}&protocolId=school-walk&from=2026-10-01&to=2026-10-31`;

  it('shows a school its results: principal, coach, district admin, and teachers while sharing is on', async () => {
    for (const who of ['principal', 'teacher', 'admin'] as const) {
      expect((await get(round(), as[who])).status, who).toBe(200);
    }
    expect((await get(`${round()}`, as.admin)).status).toBe(200);
  });

  it('shares results with staff by default, and stops when the principal turns it off', async () => {
    const before = await get(`/api/dashboard/sharing/${TEST_SCHOOL_ID}`, as.teacher);
    expect(await before.json()).toEqual({ schoolId: TEST_SCHOOL_ID, shareWithStaff: true });
    expect((await share(false, as.principal)).status).toBe(200);
    expect((await get(round(), as.teacher)).status).toBe(403);
    expect((await get(`${round().replace('summary', 'summary.csv')}`, as.teacher)).status).toBe(
      403,
    );
    expect((await get(`${round().replace('summary', 'evidence')}`, as.teacher)).status).toBe(403);
    expect(
      (
        await get(
          `/api/dashboard/trend?schoolId=${TEST_SCHOOL_ID}&protocolId=school-walk`,
          as.teacher,
        )
      ).status,
    ).toBe(403);
    expect((await get(round(), as.principal)).status).toBe(200);
    expect((await share(true, as.admin)).status).toBe(200);
    expect((await get(round(), as.teacher)).status).toBe(200);
    const audit = await server.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'results.sharing')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('lets neither a teacher nor a coach change sharing', async () => {
    expect((await share(false, as.teacher)).status).toBe(403);
    expect((await share(false, as.otherCoach)).status).toBe(403);
    const after = await get(`/api/dashboard/sharing/${TEST_SCHOOL_ID}`, as.principal);
    expect(await after.json()).toMatchObject({ shareWithStaff: true });
  });

  it("denies another school's teacher and coach, and anyone without a school", async () => {
    for (const who of ['otherTeacher', 'otherCoach', 'noSchool'] as const) {
      expect((await get(round(), as[who])).status, who).toBe(403);
      expect((await get(range(TEST_SCHOOL_ID), as[who])).status, who).toBe(403);
      const body = await (await get(range(TEST_SCHOOL_ID), as[who])).text();
      expect(body).not.toMatch(/71\.4|checks-understanding/);
    }
  });

  it('asks anyone not signed in to sign in', async () => {
    expect((await get(round())).status).toBe(401);
  });

  it('compares schools for district admins only', async () => {
    const path = '/api/dashboard/district?protocolId=school-walk&from=2026-09-01&to=2027-06-30';
    expect((await get(path, as.principal)).status).toBe(403);
    const res = await get(path, as.admin);
    expect(res.status).toBe(200);
    const district = (await res.json()) as {
      schools: Array<{ id: string; classrooms: unknown }>;
      heatMap: { columns: string[]; rows: Array<{ lookForId: string; cells: unknown[] }> };
    };
    expect(district.schools).toEqual([
      expect.objectContaining({ id: TEST_SCHOOL_ID, classrooms: { suppressed: false, count: 8 } }),
    ]);
    expect(district.heatMap.rows[0]?.cells[0]).toMatchObject({ share: { percentSeen: 71.4 } });
  });

  it('offers each person only the schools and rounds they may see', async () => {
    const mine = await (await get('/api/dashboard/options', as.teacher)).json();
    expect(mine.schools.map((s: { id: string }) => s.id)).toEqual([TEST_SCHOOL_ID]);
    expect(mine.rounds.map((r: { id: string }) => r.id)).toEqual([plan.id]);
    expect(mine.schools[0].mayChangeSharing).toBe(false);
    const other = await (await get('/api/dashboard/options', as.otherTeacher)).json();
    expect(other.schools.map((s: { id: string }) => s.id)).toEqual([OTHER_SCHOOL]);
    expect(other.rounds).toEqual([]);
  });

  it.each([
    ['no scope at all', '/api/dashboard/summary'],
    ['a round id that is not a UUID', '/api/dashboard/summary?roundId=1%20or%201=1'],
    [
      'a range without a protocol',
      `/api/dashboard/summary?schoolId=${TEST_SCHOOL_ID}&from=2026-10-01&to=2026-10-31`,
    ],
    [
      'a range that ends before it starts',
      `/api/dashboard/summary?schoolId=${TEST_SCHOOL_ID}&protocolId=school-walk&from=2026-10-31&to=2026-10-01`,
    ],
    [
      'an unknown grade band',
      `/api/dashboard/summary?roundId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}&gradeBand=13`,
    ],
    [
      'a date that is not a date',
      '/api/dashboard/district?protocolId=school-walk&from=2026-13-45&to=2027-01-01',
    ],
    [
      'a heat map by teacher',
      `/api/dashboard/summary?schoolId=${TEST_SCHOOL_ID}&protocolId=school-walk&from=2026-10-01&to=2026-10-31&heat=teacher`,
    ],
  ])('answers 400 with field details for %s', async (_label, path) => {
    const res = await get(path, as.admin);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: unknown[] } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.length).toBeGreaterThan(0);
  });

  it('answers 404 for a round or protocol that does not exist', async () => {
    expect(
      (await get(`/api/dashboard/summary?roundId=${crypto.randomUUID()}`, as.admin)).status,
    ).toBe(404);
    expect(
      (await get(range(TEST_SCHOOL_ID).replace('school-walk', 'no-such-walk'), as.admin)).status,
    ).toBe(404);
  });
});
