import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Evidence, StaffPick } from '../../../src/shared/dashboard';
import type { Round } from '../../../src/shared/rounds';
import { TEST_SCHOOL_ID } from '../../support/factories';
import { cookiesFor, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { fallAnswers, pushVisits, seedProtocol, seedRound } from './seed-round';

const dialects = await testDialects();
const OTHER_SCHOOL = '10000000-0000-4000-8000-0000000000b2';
const teacher = '31000000-0000-4000-8000-000000000001';
const principal = '31000000-0000-4000-8000-000000000002';
const otherCoach = '31000000-0000-4000-8000-000000000003';

/** The fall round's notes, as leaders read them (sorted by text). */
const ALL_NOTES = [
  'Anchor chart of strategies.',
  'Exit tickets on every desk.',
  'Pairs compared two strategies.',
];

describe.each(dialects)('evidence leaders share with staff, on %s', (dialect) => {
  let server: TestServer;
  let plan: Round;
  type Who = 'teacher' | 'principal' | 'otherCoach' | 'admin';
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
        otherCoach: [otherCoach, OTHER_SCHOOL, 'coach'],
      }),
    );
    as.admin = await server.cookie();
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const pick = (cookie: string, body: Record<string, unknown>) =>
    server.app.request('/api/dashboard/staff-evidence', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ roundId: plan.id, kind: 'note', ...body }),
    });
  const remove = (cookie: string, id: string) =>
    server.app.request(`/api/dashboard/staff-evidence/${id}`, {
      method: 'DELETE',
      headers: { cookie, 'content-type': 'application/json' },
    });
  const evidence = async (cookie: string, query = `roundId=${plan.id}`) => {
    const res = await server.app.request(`/api/dashboard/evidence?${query}`, {
      headers: { cookie },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Evidence;
  };
  const picked = async (cookie: string, body: Record<string, unknown>) => {
    const res = await pick(cookie, body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as StaffPick;
  };
  const audit = () =>
    server.db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'like', 'results.staff-evidence.%')
      .orderBy('at')
      .execute();

  it('lets a principal share a trimmed note, and teachers read exactly that', async () => {
    const shared = await picked(as.principal, { text: '  compared two\n  strategies ' });
    expect(shared).toEqual({
      id: expect.any(String),
      kind: 'note',
      lookForId: null,
      text: 'compared two strategies',
    });
    expect(await evidence(as.teacher)).toEqual({
      suppressed: false,
      staffView: true,
      notes: ['compared two strategies'],
      quotes: [],
    });
    const leaders = await evidence(as.principal);
    expect(leaders).toMatchObject({ staffView: false, notes: ALL_NOTES, picks: [shared] });
  });

  it('gives teachers only the picks, sorted by text, with no picker, time or other note', async () => {
    await picked(as.principal, { text: 'Pairs compared two strategies.' });
    await picked(as.admin, { text: 'Anchor chart' });
    await picked(as.principal, {
      kind: 'quote',
      lookForId: 'student-voice',
      text: 'I can explain',
    });
    const staff = await evidence(as.teacher);
    expect(staff).toEqual({
      suppressed: false,
      staffView: true,
      notes: ['Anchor chart', 'Pairs compared two strategies.'],
      quotes: [
        {
          lookForId: 'student-voice',
          text: 'What a student says when asked what they are learning',
          quotes: ['I can explain'],
        },
      ],
    });
    const body = JSON.stringify(staff);
    expect(body).not.toMatch(/Exit tickets|We find patterns|picked|\d{4}-\d\d-\d\d/);
    expect(body).not.toContain(principal);
  });

  it('refuses text that is not part of one note of the round with 400, and stores nothing', async () => {
    for (const text of [
      'Pairs compared three strategies.',
      // Two notes glued together are no one note.
      'Anchor chart of strategies. Exit tickets',
      'A private peer note',
      '   ',
      'Exit tickets\u202e on every desk.',
    ]) {
      const res = await pick(as.principal, { text });
      expect(res.status, text).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_request');
    }
    // A quote is checked against the quotes of its own look-for only.
    const quote = await pick(as.principal, {
      kind: 'quote',
      lookForId: 'student-voice',
      text: 'Exit tickets',
    });
    expect(quote.status).toBe(400);
    expect(((await quote.json()) as { error: { message: string } }).error.message).toBe(
      'Only a student quote of this look-for in this round, or a part of one, can be shared',
    );
    expect(await server.count('staff_evidence')).toBe(0);
    expect(await audit()).toEqual([]);
  });

  it('keeps one pick when the same text is shared twice', async () => {
    const first = await picked(as.principal, { text: 'Exit tickets' });
    const again = await pick(as.admin, { text: 'Exit  tickets' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect(await server.count('staff_evidence')).toBe(1);
  });

  it('lets a leader remove a pick, and teachers no longer read it', async () => {
    const shared = await picked(as.principal, { text: 'Exit tickets on every desk.' });
    const res = await remove(as.admin, shared.id);
    expect(res.status).toBe(200);
    expect(await evidence(as.teacher)).toEqual({
      suppressed: false,
      staffView: true,
      notes: [],
      quotes: [],
    });
    expect((await remove(as.admin, shared.id)).status).toBe(404);
  });

  it('lets a teacher neither pick nor remove (403), and stores nothing', async () => {
    expect((await pick(as.teacher, { text: 'Exit tickets' })).status).toBe(403);
    const shared = await picked(as.principal, { text: 'Exit tickets' });
    expect((await remove(as.teacher, shared.id)).status).toBe(403);
    expect(await server.count('staff_evidence')).toBe(1);
  });

  it("refuses another school's coach, to pick or to remove", async () => {
    expect((await pick(as.otherCoach, { text: 'Exit tickets' })).status).toBe(403);
    const shared = await picked(as.principal, { text: 'Exit tickets' });
    expect((await remove(as.otherCoach, shared.id)).status).toBe(403);
    const res = await server.app.request(`/api/dashboard/evidence?roundId=${plan.id}`, {
      headers: { cookie: as.otherCoach },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('Exit tickets');
    expect(await server.count('staff_evidence')).toBe(1);
  });

  it('writes picking and removing to the audit log, with who did it and no note text', async () => {
    const shared = await picked(as.principal, { text: 'Anchor chart' });
    expect((await remove(as.principal, shared.id)).status).toBe(200);
    const entries = await audit();
    expect(entries.map((e) => [e.action, e.actor_id, e.subject])).toEqual([
      ['results.staff-evidence.pick', principal, plan.id],
      ['results.staff-evidence.remove', principal, plan.id],
    ]);
    for (const e of entries) {
      expect(JSON.parse(e.details!)).toEqual({ pickId: shared.id, kind: 'note', lookForId: null });
    }
    expect(JSON.stringify(entries)).not.toMatch(/Anchor/);
  });

  it('gives teachers no notes for a date range, and nothing for a scope resting on fewer classrooms', async () => {
    await picked(as.principal, { text: 'Anchor chart' });
    const range = `schoolId=${TEST_SCHOOL_ID}&protocolId=school-walk&from=2026-10-01&to=2026-10-31`;
    expect(await evidence(as.teacher, range)).toEqual({
      suppressed: false,
      staffView: true,
      notes: [],
      quotes: [],
      roundsOnly: true,
    });
    expect(await evidence(as.teacher, `roundId=${plan.id}&gradeBand=K-2`)).toEqual({
      suppressed: true,
      reason: 'fewer than 5 classrooms',
    });
  });

  it('refuses a pick sent from another site (CSRF)', async () => {
    const res = await server.app.request('/api/dashboard/staff-evidence', {
      method: 'POST',
      headers: {
        cookie: as.principal,
        'content-type': 'application/json',
        origin: 'https://evil.example',
      },
      body: JSON.stringify({ roundId: plan.id, kind: 'note', text: 'Anchor chart' }),
    });
    expect(res.status).toBe(403);
    expect(await server.count('staff_evidence')).toBe(0);
  });
});
