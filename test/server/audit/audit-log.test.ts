import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAudits } from '../../../src/server/audit/repository';
import { AUDIT_PAGE_SIZE, AuditPage } from '../../../src/shared/audit-log';
import {
  addMember,
  createSchool,
  DAY,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { expectError } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('the audit log screen’s API on %s', (dialect) => {
  let server: AccountsServer;
  let admin: SignedIn;
  let lincoln: string;
  let teacher: SignedIn;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
    admin = await setUpDistrictAdmin(server);
    lincoln = await createSchool(admin.client, 'Lincoln Elementary');
    teacher = await addMember(server, admin.client, lincoln, 'teacher');
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const read = async (query = '') => {
    const res = await admin.client.get(`/api/audit${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return AuditPage.parse(await res.json());
  };

  it('lists entries newest first, naming the actor and the person they are about', async () => {
    server.clock.advance(DAY);
    await admin.client.post(`/api/staff/${teacher.me.user.id}/deactivate`);
    const page = await read();
    expect(page.entries[0]).toMatchObject({
      action: 'staff.deactivated',
      actorName: admin.person.name,
      subjectName: teacher.person.name,
      at: '2026-11-24T08:00:00.000Z',
    });
    expect(page.entries.map((e) => e.action)).toContain('setup');
    expect(page.entries.find((e) => e.action === 'school.created')?.subjectName).toBe(
      'Lincoln Elementary',
    );
    expect(page.actors.map((a) => a.name).sort()).toEqual(
      [admin.person.name, teacher.person.name].sort(),
    );
  });

  it('filters by person, action and date range', async () => {
    server.clock.advance(2 * DAY);
    await admin.client.post(`/api/staff/${teacher.me.user.id}/deactivate`);
    expect((await read(`?actorId=${teacher.me.user.id}`)).entries.map((e) => e.action)).toEqual([
      'invite.accepted',
    ]);
    expect((await read('?action=staff.deactivated')).total).toBe(1);
    expect((await read('?from=2026-11-25&to=2026-11-25')).entries.map((e) => e.action)).toEqual([
      'staff.deactivated',
    ]);
    expect((await read('?to=2026-11-23')).entries.map((e) => e.action)).not.toContain(
      'staff.deactivated',
    );
  });

  it('pages through many entries', async () => {
    await recordAudits(
      server.db.db,
      Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
        id: crypto.randomUUID(),
        at: new Date(Date.parse('2026-11-20T00:00:00.000Z') + i * 1000).toISOString(),
        actorId: admin.me.user.id,
        action: 'school.created',
        subject: lincoln,
      })),
    );
    const first = await read('?action=school.created');
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: AUDIT_PAGE_SIZE + 6 });
    expect(first.entries.length).toBe(AUDIT_PAGE_SIZE);
    const second = await read('?action=school.created&page=2');
    expect(second.entries.length).toBe(6);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(
      AUDIT_PAGE_SIZE + 6,
    );
    // A page past the end shows the last one.
    expect((await read('?action=school.created&page=9')).page).toBe(2);
  });

  it('exports the filtered entries as CSV with formula-like cells defused', async () => {
    await recordAudits(server.db.db, [
      {
        id: crypto.randomUUID(),
        at: '2026-11-23T09:00:00.000Z',
        actorId: admin.me.user.id,
        action: 'invite.created',
        subject: '=HYPERLINK("http://evil.example")',
      },
    ]);
    const res = await admin.client.get('/api/audit/export.csv?action=invite.created');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('audit-log.csv');
    const rows = Papa.parse<string[]>(await res.text()).data;
    expect(rows[0]).toEqual(['When (UTC)', 'Who', 'Action', 'About', 'Details']);
    expect(rows.slice(1).map((r) => r[3])).toContain(`'=HYPERLINK("http://evil.example")`);
    expect(rows.slice(1).every((r) => r[2] === 'Invite created')).toBe(true);
  });

  it('answers bad filters with a clear error and others with 403', async () => {
    for (const query of [
      '?from=yesterday',
      '?page=0',
      '?actorId=me',
      '?action=DROP%20TABLE',
      '?from=2026-11-30&to=2026-11-01',
    ]) {
      await expectError(await admin.client.get(`/api/audit${query}`), 400, 'invalid_request');
    }
    await expectError(
      await admin.client.get('/api/audit/export.csv?page=x'),
      400,
      'invalid_request',
    );
    await expectError(await teacher.client.get('/api/audit'), 403, 'forbidden');
    await expectError(await teacher.client.get('/api/audit/export.csv'), 403, 'forbidden');
    await expectError(await server.client().get('/api/audit'), 401, 'unauthorized');
  });
});
