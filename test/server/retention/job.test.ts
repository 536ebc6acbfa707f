import { existsSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { photoPath, type PhotoStore } from '../../../src/server/photos/store';
import { runRetention } from '../../../src/server/retention/job';
import { DAY, auditRows } from '../../support/accounts';
import { observation, putMutation } from '../../support/factories';
import { fixture, photoRef, sha256, testPhotoStore, uploadPhoto } from '../../support/photos';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { put, visit, visitNote } from '../../support/visit-factories';
import {
  ids,
  latest,
  pullAll,
  school,
  visitSchool,
  type Cookies,
} from '../../support/visit-school';

const dialects = await testDialects();
const client = crypto.randomUUID();
const windows = { observationDays: 400, peerNoteDays: 100, photoDays: 60, auditDays: 200 };

describe.each(dialects)('the daily retention job on %s', (dialect) => {
  let server: TestServer;
  let store: PhotoStore;
  let dir: string | null;
  let as: Cookies;

  beforeEach(async () => {
    ({ store, dir } = testPhotoStore('files'));
    server = await startTestServer(dialect, { photoStore: store });
    as = await visitSchool(server);
  });
  afterEach(async () => {
    await server.db.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const setWindows = async () => {
    const res = await server.app.request('/api/settings/retention', {
      method: 'PUT',
      headers: { cookie: as.admin, 'content-type': 'application/json' },
      body: JSON.stringify(windows),
    });
    expect(res.status).toBe(200);
  };
  const live = async (entity: string) =>
    (
      await server.db.db
        .selectFrom('records')
        .select('entity_id')
        .where('entity', '=', entity)
        .where('deleted', '=', 0)
        .execute()
    ).length;

  it('keeps each kind a day inside its window and deletes it a day outside, logging counts only', async () => {
    const t0 = Date.now();
    await setWindows();
    const jpeg = fixture('photo.jpg');
    expect((await uploadPhoto(server, jpeg, { schoolId: school, cookie: as.coach })).status).toBe(
      201,
    );
    const o = observation({
      observerId: ids.coach,
      schoolId: school,
      status: 'complete',
      endedAt: '2026-11-23T09:05:00.000Z',
      notes: 'OBSERVATION-NOTES table 3 compared strategies',
      photos: [photoRef(jpeg)],
    });
    await server.push(client, [putMutation(client, o)], as.coach);
    const coaching = visit({
      schoolId: school,
      hostId: ids.host,
      kind: 'coaching',
      observerId: ids.coach,
      observerName: 'Coach Rivera',
    });
    await server.push(client, [put(client, 'visit', coaching)], as.host);
    await server.push(
      client,
      [put(client, 'visit-note', visitNote(coaching, { observerId: ids.coach }))],
      as.coach,
    );
    const t1 = Date.now();
    const at = (from: number, days: number) => new Date(from + days * DAY);
    const run = (when: Date) => runRetention(server.db.db, store, when);
    const none = { observations: 0, peerNotes: 0, photos: 0, audit: 0 };

    expect(await run(at(t1, 59))).toEqual(none);
    expect(await server.count('photos')).toBe(1);

    expect(await run(at(t0, 61))).toEqual({ ...none, photos: 1 });
    expect(await server.count('photos')).toBe(0);
    expect(existsSync(photoPath(dir!, sha256(jpeg)))).toBe(false);
    expect(await live('observation')).toBe(1);

    expect(await run(at(t1, 99))).toEqual(none);
    expect(await live('visit-note')).toBe(1);
    expect(await run(at(t0, 101))).toEqual({ ...none, peerNotes: 2 });
    expect(await live('visit-note')).toBe(0);
    expect(await live('visit')).toBe(0);

    expect(await run(at(t1, 199))).toEqual(none);
    expect(await auditRows(server, 'settings.retention')).toHaveLength(1);
    const audit = await run(at(t0, 201));
    expect(audit).toEqual({ ...none, audit: 1 }); // the settings line; later lines stay
    expect(await auditRows(server, 'settings.retention')).toHaveLength(0);

    // The lines the runs of day 61 and 101 wrote are past their 200 days by now.
    expect(await run(at(t1, 399))).toEqual({ ...none, audit: 2 });
    expect(await live('observation')).toBe(1);
    expect(await run(at(t0, 401))).toEqual({ ...none, observations: 1 });
    expect(await live('observation')).toBe(0);

    // The anonymous counts stay for the dashboard; the words the observation carried go.
    const visits = await server.db.db.selectFrom('observation_visits').select('notes').execute();
    expect(visits).toEqual([{ notes: '' }]);
    expect(await server.count('observation_fact_totals')).toBeGreaterThan(0);

    const logged = await auditRows(server, 'retention.deleted');
    expect(logged.map((r) => JSON.parse(r.details!) as unknown)).toEqual([
      { ...none, audit: 1 },
      { ...none, audit: 2 },
      { ...none, observations: 1 },
    ]);
    expect(
      JSON.stringify(await server.db.db.selectFrom('audit_log').selectAll().execute()),
    ).not.toMatch(/OBSERVATION-NOTES|PRIVATE-/);
  });

  it('deletes the way a device does: a tombstone with the next revision reaches every device', async () => {
    await setWindows();
    const o = observation({ observerId: ids.coach, schoolId: school });
    await server.push(client, [putMutation(client, o)], as.coach);
    const before = await pullAll(server, as.coach);
    const cursor = Math.max(...before.map((c) => c.serverSeq));
    await runRetention(server.db.db, store, new Date(Date.now() + 401 * DAY));
    const page = await server.pull(cursor, 100, as.coach);
    expect(page.changes).toMatchObject([
      { kind: 'record', entity: 'observation', entityId: o.id, rev: 2, deleted: true, data: null },
    ]);
    expect(latest(await pullAll(server, as.coach), 'observation').get(o.id)).toMatchObject({
      deleted: true,
    });
    const stored = await server.db.db
      .selectFrom('records')
      .select(['data', 'deleted'])
      .where('entity_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ data: null, deleted: 1 });
  });

  it('keeps everything under the documented defaults until three years (one for peer notes)', async () => {
    const o = observation({ observerId: ids.coach, schoolId: school });
    await server.push(client, [putMutation(client, o)], as.coach);
    const res = await server.app.request('/api/settings/retention', {
      headers: { cookie: as.admin },
    });
    expect(await res.json()).toEqual({
      observationDays: 1_095,
      peerNoteDays: 365,
      photoDays: 365,
      auditDays: 1_095,
    });
    expect(
      await runRetention(server.db.db, store, new Date(Date.now() + 1_094 * DAY)),
    ).toMatchObject({ observations: 0 });
    expect(await live('observation')).toBe(1);
  });
});
