import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Me } from '../../../src/shared/accounts';
import { fixture, uploadPhoto } from '../../support/photos';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { otherSchool, school, visitSchool, type Cookies } from '../../support/visit-school';

const dialects = await testDialects();

describe.each(dialects)('a school turning photos off, on %s', (dialect) => {
  let server: TestServer;
  let as: Cookies;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    as = await visitSchool(server);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const setting = (cookie: string, id = school, body?: unknown) =>
    server.app.request(`/api/schools/${id}/photos`, {
      method: body === undefined ? 'GET' : 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const schoolsOf = async (cookie: string) => {
    const res = await server.app.request('/api/auth/me', { headers: { cookie } });
    return Me.parse(await res.json()).schools;
  };

  it('has photos on by default, and tells the school’s staff', async () => {
    const res = await setting(as.colleague);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ schoolId: school, photosAllowed: true });
    expect(await schoolsOf(as.colleague)).toEqual([{ id: school, name: expect.any(String) }]);
  });

  it('lets the principal or a district admin turn photos off, and then refuses uploads', async () => {
    for (const who of ['colleague', 'coach'] as const) {
      const res = await setting(as[who], school, { photosAllowed: false });
      expect(res.status).toBe(403);
    }
    const off = await setting(as.principal, school, { photosAllowed: false });
    expect(off.status).toBe(200);
    expect(await off.json()).toEqual({ schoolId: school, photosAllowed: false });
    expect(await schoolsOf(as.colleague)).toEqual([
      { id: school, name: expect.any(String), photosAllowed: false },
    ]);
    const upload = await uploadPhoto(server, fixture('photo.jpg'), {
      schoolId: school,
      cookie: as.colleague,
    });
    expect(upload.status).toBe(403);
    expect(await upload.json()).toEqual({
      error: { code: 'forbidden', message: 'Photos are turned off for this school' },
    });

    const on = await setting(as.admin, school, { photosAllowed: true });
    expect(await on.json()).toEqual({ schoolId: school, photosAllowed: true });
    const again = await uploadPhoto(server, fixture('photo.jpg'), {
      schoolId: school,
      cookie: as.colleague,
    });
    expect(again.status).toBe(201);
    const audit = await server.db.db
      .selectFrom('audit_log')
      .select(['action', 'subject'])
      .where('action', '=', 'photos.setting')
      .execute();
    expect(audit).toEqual([
      { action: 'photos.setting', subject: school },
      { action: 'photos.setting', subject: school },
    ]);
  });

  it('refuses a bad body, another school’s principal and an unknown school clearly', async () => {
    const bad = await setting(as.principal, school, { photosAllowed: 'no' });
    expect(bad.status).toBe(400);
    expect((await setting(as.outsider, school)).status).toBe(403);
    expect((await setting(as.principal, otherSchool, { photosAllowed: false })).status).toBe(403);
    expect((await setting(as.admin, crypto.randomUUID(), { photosAllowed: false })).status).toBe(
      404,
    );
    expect((await setting(as.principal, 'not-a-school')).status).toBe(404);
    expect((await setting(as.principal)).status).toBe(200);
  });
});
