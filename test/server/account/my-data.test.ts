import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observation, putMutation } from '../../support/factories';
import { signedInCookie, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const school = '10000000-0000-4000-8000-000000000009';
const teacher = '30000000-0000-4000-8000-000000000001';
const colleague = '30000000-0000-4000-8000-000000000002';

describe.each(dialects)('downloading my data on %s', (dialect) => {
  let server: TestServer;
  let asTeacher: string;
  let asColleague: string;
  const client = crypto.randomUUID();

  beforeEach(async () => {
    server = await startTestServer(dialect);
    asTeacher = await signedInCookie(server.db.db, {
      id: teacher,
      roles: [{ schoolId: school, role: 'teacher' }],
    });
    asColleague = await signedInCookie(server.db.db, {
      id: colleague,
      roles: [{ schoolId: school, role: 'teacher' }],
    });
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('gives a teacher everything held about them, and nothing of anyone else', async () => {
    const mine = observation({ observerId: teacher, schoolId: school, room: 'Mine' });
    await server.push(client, [putMutation(client, mine)], asTeacher);
    await server.push(
      client,
      [
        putMutation(
          client,
          observation({ observerId: colleague, schoolId: school, room: 'Theirs' }),
        ),
      ],
      asColleague,
    );

    const res = await server.app.request('/api/me/export', { headers: { cookie: asTeacher } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('lookfor-my-data.json');
    const text = await res.text();
    const body = JSON.parse(text) as {
      account: { id: string };
      memberships: Array<{ role: string }>;
      sessions: unknown[];
      records: Array<{ id: string; data: { room: string } }>;
    };
    expect(body.account.id).toBe(teacher);
    expect(body.memberships).toEqual([expect.objectContaining({ role: 'teacher' })]);
    expect(body.sessions).toHaveLength(1);
    expect(body.records.map((r) => r.data.room)).toEqual(['Mine']);
    // No secrets: neither the password hash nor any session token or its hash.
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain(asTeacher.split('=')[1]);
    expect(text).not.toMatch(/id_hash|password/i);
  });

  it('asks for sign-in', async () => {
    const res = await server.app.request('/api/me/export');
    expect(res.status).toBe(401);
  });
});
