import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SchoolNudges } from '../../../src/shared/answers/nudges';
import { STARTER_NUDGES } from '../../../src/shared/evidence/nudges';
import { TEST_SCHOOL_ID } from '../../support/factories';
import { cookiesFor, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const principal = '34000000-0000-4000-8000-000000000001';
const coach = '34000000-0000-4000-8000-000000000002';
const teacher = '34000000-0000-4000-8000-000000000003';
const outsider = '34000000-0000-4000-8000-000000000004';
const OTHER_SCHOOL = '34000000-0000-4000-8000-0000000000ff';

describe.each(dialects)('a school’s judgement words, on %s', (dialect) => {
  let server: TestServer;
  let as: Record<'principal' | 'coach' | 'teacher' | 'outsider', string>;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await server.db.db
      .insertInto('schools')
      .values({ id: OTHER_SCHOOL, name: 'West', created_at: '2026-11-23T00:00:00.000Z' })
      .execute();
    as = await cookiesFor(server.db.db, {
      principal: [principal, TEST_SCHOOL_ID, 'principal'],
      coach: [coach, TEST_SCHOOL_ID, 'coach'],
      teacher: [teacher, TEST_SCHOOL_ID, 'teacher'],
      outsider: [outsider, OTHER_SCHOOL, 'principal'],
    });
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const get = (cookie: string, school = TEST_SCHOOL_ID) =>
    server.app.request(`/api/schools/${school}/nudges`, { headers: { cookie } });
  const put = (cookie: string, body: unknown, school = TEST_SCHOOL_ID) =>
    server.app.request(`/api/schools/${school}/nudges`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('gives the starter list to the school’s staff until the principal edits it', async () => {
    const res = await get(as.teacher);
    expect(res.status).toBe(200);
    expect(SchoolNudges.parse(await res.json())).toEqual({
      schoolId: TEST_SCHOOL_ID,
      words: STARTER_NUDGES,
      custom: false,
    });
    const words = [{ phrase: 'super', suggestion: 'What did you see or hear?' }];
    expect((await put(as.principal, { words })).status).toBe(200);
    const after = SchoolNudges.parse(await (await get(as.coach)).json());
    expect(after).toEqual({ schoolId: TEST_SCHOOL_ID, words, custom: true });
  });

  it('lets only the principal or a district admin edit it, and only staff read it', async () => {
    const words = [{ phrase: 'super', suggestion: '' }];
    expect((await put(as.coach, { words })).status).toBe(403);
    expect((await put(as.teacher, { words })).status).toBe(403);
    expect((await put(as.outsider, { words })).status).toBe(403);
    expect((await get(as.outsider)).status).toBe(403);
    expect((await get(as.teacher, crypto.randomUUID())).status).toBe(404);
    expect(SchoolNudges.parse(await (await get(as.teacher)).json()).custom).toBe(false);
  });

  it('refuses a bad list with the field at fault, and changes nothing', async () => {
    const res = await put(as.principal, { words: [{ phrase: 'x', suggestion: '' }] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(JSON.stringify(body)).toMatch(/at least 2 characters/);
    expect((await put(as.principal, { words: 'great' })).status).toBe(400);
    expect(SchoolNudges.parse(await (await get(as.teacher)).json()).custom).toBe(false);
  });
});
