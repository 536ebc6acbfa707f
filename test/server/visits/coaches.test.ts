import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInCookie, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { ids, otherSchool, school, visitSchool, type Cookies } from '../../support/visit-school';

const dialects = await testDialects();

describe.each(dialects)('the coaches a teacher may invite, on %s', (dialect) => {
  let server: TestServer;
  let as: Cookies;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    as = await visitSchool(server);
    await signedInCookie(server.db.db, {
      id: '40000000-0000-4000-8000-0000000000cc',
      roles: [{ schoolId: otherSchool, role: 'coach' }],
    });
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const coachesFor = async (cookie?: string) => {
    const res = await server.app.request('/api/visits/coaches', {
      headers: cookie ? { cookie } : {},
    });
    return { status: res.status, body: (await res.json()) as { coaches: unknown[] } };
  };

  it('lists the coaches of the caller’s own school only', async () => {
    expect((await coachesFor(as.host)).body.coaches).toEqual([
      { schoolId: school, id: ids.coach, name: expect.any(String) },
    ]);
    expect((await coachesFor(as.outsider)).body.coaches).toEqual([
      expect.objectContaining({ schoolId: otherSchool }),
    ]);
    expect((await coachesFor(as.admin)).body.coaches).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    expect((await coachesFor()).status).toBe(401);
  });
});
