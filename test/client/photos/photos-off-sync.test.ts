import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPhoto, removePhoto } from '../../../src/client/data/photos';
import { writeRecord } from '../../../src/client/data/write-record';
import type { Observation } from '../../../src/shared/observation';
import { device, type Device } from '../../support/client-device';
import { observation } from '../../support/factories';
import { preparedPhoto } from '../../support/photo-fakes';
import { startTestServer, type TestServer } from '../../support/server-app';
import {
  ids,
  latest,
  pullAll,
  school,
  visitSchool,
  type Cookies,
} from '../../support/visit-school';

const now = new Date('2026-11-23T09:00:00Z');

describe('a school turning photos off while a tablet holds unsent photos (sqlite)', () => {
  let server: TestServer;
  let as: Cookies;
  let tablet: Device;

  beforeEach(async () => {
    server = await startTestServer('sqlite');
    as = await visitSchool(server);
    tablet = device(server, as.colleague);
  });
  afterEach(async () => {
    tablet.close();
    await server.db.dispose();
  });

  const photosOff = async () => {
    const res = await server.app.request(`/api/schools/${school}/photos`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: as.principal },
      body: JSON.stringify({ photosAllowed: false }),
    });
    expect(res.status).toBe(200);
  };
  const note = async (overrides: Partial<Observation> = {}, photo = false) => {
    const o = observation({ schoolId: school, observerId: ids.colleague, ...overrides });
    await writeRecord(tablet.db, 'observation', o.id, o, { now });
    const prepared = preparedPhoto();
    if (photo) await addPhoto(tablet.db, 'observation', o.id, prepared, '', now);
    return { id: o.id, hash: prepared.hash };
  };
  const onServer = async () =>
    latest(await pullAll(server, as.colleague), 'observation') as Map<
      string,
      { data: Observation }
    >;

  it('sends every other note, and keeps the one with a photo on the tablet, saying why', async () => {
    const withPhoto = await note({}, true);
    const plain = await note();
    await photosOff();

    expect(await tablet.sync()).toMatchObject({ ok: true });
    const server1 = await onServer();
    expect(server1.has(plain.id)).toBe(true);
    expect(server1.has(withPhoto.id)).toBe(false);
    const [held] = await tablet.db.outbox.toArray();
    expect(held).toMatchObject({ entityId: withPhoto.id, state: 'rejected' });
    expect(held!.errors).toEqual([
      {
        path: 'photos',
        message:
          'Photos are turned off for this school: take the photos off this note to send it. Until then the note stays on this device.',
      },
    ]);
    // The photo is kept on the tablet, not lost.
    expect(await tablet.db.photos.get(withPhoto.hash)).toBeDefined();

    // The next sync neither uploads again nor stops on it.
    tablet.requests.length = 0;
    await note();
    expect(await tablet.sync()).toMatchObject({ ok: true });
    expect(tablet.requests.filter((r) => r.includes('/api/photos'))).toEqual([]);
    expect((await onServer()).size).toBe(2);
  });

  it('sends the note once its photo is taken off, even a finished one', async () => {
    const finished = await note({ status: 'complete', endedAt: now.toISOString() }, true);
    await photosOff();
    await tablet.sync();
    expect(await tablet.db.outbox.where('state').equals('rejected').count()).toBe(1);

    // A finished note keeps its photos, except where the school takes none.
    await expect(
      removePhoto(tablet.db, 'observation', finished.id, finished.hash, now),
    ).rejects.toThrow(/can no longer be removed/);
    await removePhoto(tablet.db, 'observation', finished.id, finished.hash, now, true);

    expect(await tablet.sync()).toMatchObject({ ok: true });
    const sent = (await onServer()).get(finished.id);
    expect(sent?.data).toMatchObject({ status: 'complete', photos: [] });
    expect(await tablet.db.outbox.count()).toBe(0);
  });
});
