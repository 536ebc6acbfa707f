import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  createSchool,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
  type SignedIn,
} from '../../support/accounts';
import { expectError } from '../../support/http-client';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('schools on %s', (dialect) => {
  let server: AccountsServer;
  let admin: SignedIn;

  beforeEach(async () => {
    server = await startAccountsServer(dialect);
    admin = await setUpDistrictAdmin(server);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('lets a district admin create and list schools', async () => {
    const res = await admin.client.post('/api/admin/schools', { name: '  Lincoln Elementary ' });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; name: string };
    expect(created).toEqual({ id: expect.any(String), name: 'Lincoln Elementary' });
    await createSchool(admin.client, 'Adams Middle');

    const list = await admin.client.get('/api/admin/schools');
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({
      schools: [
        { id: expect.any(String), name: 'Adams Middle' },
        { id: created.id, name: 'Lincoln Elementary' },
      ],
    });
  });

  it('answers 409 for a second school with the same name', async () => {
    await createSchool(admin.client, 'Lincoln Elementary');
    const body = await expectError(
      await admin.client.post('/api/admin/schools', { name: 'Lincoln Elementary' }),
      409,
      'conflict',
    );
    expect(body.error.message).toContain('Lincoln Elementary');
    expect(await server.count('schools')).toBe(1);
  });

  // The roster import matches names case-insensitively, so school names are unique
  // regardless of case.
  it('treats names that differ only in case as the same school', async () => {
    await createSchool(admin.client, 'Lincoln Elementary');
    for (const name of ['lincoln elementary', 'LINCOLN ELEMENTARY']) {
      await expectError(await admin.client.post('/api/admin/schools', { name }), 409, 'conflict');
    }
    expect(await server.count('schools')).toBe(1);
  });

  // The losing request of two simultaneous ones hits the unique index; it answers 409.
  it('answers 409, not 500, when the same school is created twice at once', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() => admin.client.post('/api/admin/schools', { name: 'Lincoln' })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('refuses a school name that is empty or carries markup', async () => {
    for (const name of ['   ', '<b>Lincoln</b>']) {
      const body = await expectError(
        await admin.client.post('/api/admin/schools', { name }),
        400,
        'invalid_request',
      );
      expect(body.error.details?.map((d) => d.path)).toEqual(['name']);
    }
    expect(await server.count('schools')).toBe(0);
  });

  it('lets no one but a district admin create or list schools', async () => {
    const schoolId = await createSchool(admin.client, 'Lincoln Elementary');
    const principal = await addMember(server, admin.client, schoolId, 'principal');
    const teacher = await addMember(server, admin.client, schoolId, 'teacher');
    for (const { client } of [principal, teacher]) {
      await expectError(
        await client.post('/api/admin/schools', { name: 'Adams Middle' }),
        403,
        'forbidden',
      );
      await expectError(await client.get('/api/admin/schools'), 403, 'forbidden');
    }
    expect(await server.count('schools')).toBe(1);
  });

  it('asks anyone not signed in to sign in', async () => {
    const stranger = server.client();
    await expectError(
      await stranger.post('/api/admin/schools', { name: 'Adams Middle' }),
      401,
      'unauthorized',
    );
    await expectError(await stranger.get('/api/admin/schools'), 401, 'unauthorized');
    expect(await server.count('schools')).toBe(0);
  });
});
