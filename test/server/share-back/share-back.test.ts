import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Round } from '../../../src/shared/rounds';
import type { RoundShareClock, ShareClockList } from '../../../src/shared/answers/share-back';
import { round, roundPut } from '../../support/dashboard-seed';
import { TEST_SCHOOL_ID } from '../../support/factories';
import { cookiesFor, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { seedProtocol } from '../dashboard/seed-round';

const dialects = await testDialects();
const OTHER_SCHOOL = '10000000-0000-4000-8000-0000000000c3';
const teacher = '33000000-0000-4000-8000-000000000001';
const principal = '33000000-0000-4000-8000-000000000002';
const otherCoach = '33000000-0000-4000-8000-000000000003';

describe.each(dialects)('the share-back clock, on %s', (dialect) => {
  let server: TestServer;
  let plan: Round;
  /** Thursday 26 November 2026, 9:00 in Chicago. */
  let now = new Date('2026-11-26T15:00:00.000Z');
  type Who = 'teacher' | 'principal' | 'otherCoach' | 'admin';
  const as = {} as Record<Who, string>;

  const request = (cookie: string, method: string, path: string, body?: unknown) =>
    server.app.request(path, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const clocks = async (cookie = as.principal) => {
    const res = await request(cookie, 'GET', `/api/share-back/rounds?schoolId=${TEST_SCHOOL_ID}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as ShareClockList).rounds;
  };
  const pushRound = async (r: Round) => {
    const client = crypto.randomUUID();
    const { results } = await server.push(client, [{ ...roundPut(client, r), baseRev: null }]);
    return results[0]!;
  };
  const share = (cookie: string, roundId = plan.id) =>
    request(cookie, 'POST', `/api/share-back/rounds/${roundId}/share`, {});

  beforeEach(async () => {
    now = new Date('2026-11-26T15:00:00.000Z');
    server = await startTestServer(dialect, { now: () => now });
    Object.assign(
      as,
      await cookiesFor(server.db.db, {
        teacher: [teacher, TEST_SCHOOL_ID, 'teacher'],
        principal: [principal, TEST_SCHOOL_ID, 'principal'],
        otherCoach: [otherCoach, OTHER_SCHOOL, 'coach'],
      }),
    );
    as.admin = await server.cookie();
    const settings = await request(as.admin, 'PUT', '/api/share-back/settings', {
      schoolDays: 2,
      daysOff: [],
      timeZone: 'America/Chicago',
    });
    expect(settings.status, await settings.clone().text()).toBe(200);
    await seedProtocol(server);
    plan = round({ name: 'Winter sweep', status: 'planned' });
    expect((await pushRound(plan)).status).toBe('applied');
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const revOf = async (id: string) => {
    const { changes } = await server.pull(0);
    const change = changes.find((c) => c.kind === 'record' && c.entityId === id);
    return change?.kind === 'record' ? change.rev : null;
  };

  const close = async (at: string) => {
    const rev = await revOf(plan.id);
    const client = crypto.randomUUID();
    const closed = { ...plan, status: 'closed' as const, updatedAt: at };
    const { results } = await server.push(client, [{ ...roundPut(client, closed), baseRev: rev }]);
    expect(results[0]!.status).toBe('applied');
    plan = closed;
  };

  it('has no clock while the round is open', async () => {
    expect(await clocks()).toEqual([]);
  });

  it('starts when a round is closed: closed on a Thursday, share by Monday', async () => {
    await close('2026-11-26T14:30:00.000Z');
    const [clock] = await clocks();
    expect(clock).toEqual({
      roundId: plan.id,
      roundName: 'Winter sweep',
      schoolId: TEST_SCHOOL_ID,
      schoolName: expect.any(String),
      closedOn: '2026-11-26',
      shareBy: '2026-11-30',
      sharedOn: null,
      daysOff: [],
      clock: { state: 'due', schoolDaysLeft: 2, shareBy: '2026-11-30' },
    } satisfies RoundShareClock);
  });

  it('counts the district’s days off and its time zone', async () => {
    await request(as.admin, 'PUT', '/api/share-back/settings', {
      schoolDays: 2,
      daysOff: ['2026-11-27', '2026-12-24'],
      timeZone: 'America/Chicago',
    });
    // 02:00 UTC on Friday is still Thursday evening in Chicago.
    await close('2026-11-27T02:00:00.000Z');
    const [clock] = await clocks();
    expect(clock!.closedOn).toBe('2026-11-26');
    expect(clock!.shareBy).toBe('2026-12-01');
    // The answer names the days off the countdown skips (none after it), for devices offline.
    expect(clock!.daysOff).toEqual(['2026-11-27']);
  });

  it('runs overdue, and sharing stops it: late, kept as first shared', async () => {
    await close('2026-11-26T14:30:00.000Z');
    now = new Date('2026-12-01T15:00:00.000Z');
    expect((await clocks())[0]!.clock).toEqual({ state: 'overdue', shareBy: '2026-11-30' });
    const res = await share(as.principal);
    expect(res.status, await res.clone().text()).toBe(200);
    const shared = (await res.json()) as RoundShareClock;
    expect(shared.clock).toEqual({
      state: 'shared',
      onTime: false,
      shareBy: '2026-11-30',
      sharedOn: '2026-12-01',
    });
    now = new Date('2026-12-01T20:00:00.000Z');
    expect((await share(as.admin)).status).toBe(200);
    const rows = await server.db.db.selectFrom('round_share_back').selectAll().execute();
    expect(rows.map((r) => [r.shared_at, r.shared_by])).toEqual([
      ['2026-12-01T15:00:00.000Z', principal],
    ]);
  });

  it('says "on time" when shared through the last day', async () => {
    await close('2026-11-26T14:30:00.000Z');
    now = new Date('2026-11-30T23:00:00.000Z');
    const shared = (await (await share(as.principal)).json()) as RoundShareClock;
    expect(shared.clock).toMatchObject({ state: 'shared', onTime: true });
  });

  it('stops counting when the round is reopened', async () => {
    await close('2026-11-26T14:30:00.000Z');
    const rev = await revOf(plan.id);
    const client = crypto.randomUUID();
    const reopened = { ...plan, status: 'planned' as const, updatedAt: '2026-11-26T16:00:00.000Z' };
    await server.push(client, [{ ...roundPut(client, reopened), baseRev: rev }]);
    expect(await clocks()).toEqual([]);
  });

  it('lets only the school’s leaders see and stop it', async () => {
    await close('2026-11-26T14:30:00.000Z');
    expect((await share(as.teacher)).status).toBe(403);
    expect((await share(as.otherCoach)).status).toBe(403);
    const list = `/api/share-back/rounds?schoolId=${TEST_SCHOOL_ID}`;
    expect((await request(as.teacher, 'GET', list)).status).toBe(403);
    expect((await request(as.otherCoach, 'GET', list)).status).toBe(403);
    expect((await clocks())[0]!.sharedOn).toBeNull();
  });

  it('refuses to share an open round, and answers 404 for none', async () => {
    const res = await share(as.principal);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Close the round');
    expect((await share(as.principal, crypto.randomUUID())).status).toBe(404);
    expect((await share(as.principal, 'not-a-round')).status).toBe(404);
  });

  it('lists every school’s rounds for district admins, late, not shared and on time, naming no teacher', async () => {
    await close('2026-11-26T14:30:00.000Z');
    const res = await request(as.admin, 'GET', '/api/share-back/district');
    expect(res.status).toBe(200);
    const text = await res.clone().text();
    const { rounds } = (await res.json()) as ShareClockList;
    expect(rounds.map((r) => r.roundId)).toEqual([plan.id]);
    // Whole words only: a random id such as "01149607-…" holds "114" without naming room 114.
    for (const name of ['Coach Rivera', '114', 'rooms', 'team'])
      expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect((await request(as.principal, 'GET', '/api/share-back/district')).status).toBe(403);
  });

  it('answers bad input with 400 and the fields, changing nothing', async () => {
    const bad = await request(as.admin, 'PUT', '/api/share-back/settings', {
      schoolDays: 31,
      daysOff: ['2026-13-01'],
      timeZone: 'Mars/Olympus',
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fields: { path: string }[] } };
    expect(JSON.stringify(body)).toMatch(/schoolDays/);
    expect(JSON.stringify(body)).toMatch(/timeZone/);
    const kept = await request(as.admin, 'GET', '/api/share-back/settings');
    expect(await kept.json()).toEqual({ schoolDays: 2, daysOff: [], timeZone: 'America/Chicago' });
    expect((await request(as.principal, 'GET', '/api/share-back/rounds')).status).toBe(400);
    expect((await request(as.principal, 'PUT', '/api/share-back/settings', {})).status).toBe(403);
  });
});
