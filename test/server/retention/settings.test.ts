import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows } from '../../support/accounts';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { visitSchool, type Cookies } from '../../support/visit-school';

const dialects = await testDialects();

describe.each(dialects)('retention settings on %s', (dialect) => {
  let server: TestServer;
  let as: Cookies;
  beforeEach(async () => {
    server = await startTestServer(dialect);
    as = await visitSchool(server);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const send = (cookie: string, body?: unknown) =>
    server.app.request('/api/settings/retention', {
      method: body === undefined ? 'GET' : 'PUT',
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('lets a district admin change how long data is kept, with an audit line', async () => {
    const chosen = { observationDays: 730, peerNoteDays: 180, photoDays: 90, auditDays: 2_190 };
    expect((await send(as.admin, chosen)).status).toBe(200);
    expect(await (await send(as.admin)).json()).toEqual(chosen);
    const [line] = await auditRows(server, 'settings.retention');
    expect(JSON.parse(line!.details!)).toEqual(chosen);
  });

  it('refuses a window out of bounds with a 400 naming the field, and changes nothing', async () => {
    const res = await send(as.admin, {
      observationDays: 10,
      peerNoteDays: 365,
      photoDays: 365,
      auditDays: 99_999,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: {
        code: 'invalid_request',
        details: [
          { path: 'observationDays', message: 'Observations are kept at least 30 days' },
          { path: 'auditDays', message: 'Audit entries are kept at most 3650 days (10 years)' },
        ],
      },
    });
    expect(await (await send(as.admin)).json()).toMatchObject({ observationDays: 1_095 });
    expect(await auditRows(server, 'settings.retention')).toEqual([]);
  });

  it('is for district admins only', async () => {
    expect((await send(as.principal)).status).toBe(403);
    expect((await send(as.principal, { observationDays: 30 })).status).toBe(403);
  });
});
