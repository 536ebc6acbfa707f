import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import { addPhoto } from '../../../src/client/data/photos';
import { writeRecord } from '../../../src/client/data/write-record';
import { syncOnce } from '../../../src/client/sync/engine';
import { observation } from '../../support/factories';
import { fakePhotoServer, preparedPhoto } from '../../support/photo-fakes';

const now = new Date('2026-11-23T09:00:00Z');

describe('photos on their way to the server', () => {
  let db: LookforDb;
  let server: ReturnType<typeof fakePhotoServer>;
  beforeEach(() => {
    db = openLookforDb(`upload-${crypto.randomUUID()}`);
    server = fakePhotoServer();
  });
  afterEach(() => db.close());

  const sync = () =>
    syncOnce({
      db,
      fetch: server.fetch,
      baseUrl: 'http://lookfor.test',
      now: () => now,
      runExclusive: (task) => task(),
    });

  async function noteWithPhoto() {
    const note = observation();
    await writeRecord(db, 'observation', note.id, note, { now });
    const photo = preparedPhoto();
    await addPhoto(db, 'observation', note.id, photo, '', now);
    return { note, photo };
  }
  const photoTraffic = () =>
    server.log.filter((l) => !l.includes('/sync/pull') && !l.includes('/sync/recent'));

  it('asks which photos are missing, uploads them, then pushes the note', async () => {
    const { photo } = await noteWithPhoto();
    expect(await sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(photoTraffic()).toEqual([
      'POST /api/photos/missing',
      `PUT /api/photos/${photo.hash}`,
      'POST /api/sync/push',
    ]);
    expect(server.photos.size).toBe(1);
    expect(await db.photos.get(photo.hash)).toMatchObject({ uploaded: 1 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends a photo once: a later edit of the note uploads nothing', async () => {
    const { note } = await noteWithPhoto();
    await sync();
    server.log.length = 0;
    const record = (await db.records.get(['observation', note.id]))!;
    await writeRecord(
      db,
      'observation',
      note.id,
      { ...(record.data as object), notes: 'More' },
      {
        now,
      },
    );
    expect(await sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(photoTraffic()).toEqual(['POST /api/sync/push']);
  });

  it('after a lost upload answer, does not send the bytes again and pushes the note', async () => {
    const { photo } = await noteWithPhoto();
    server.loseAnswerTo = 'PUT /api/photos/';
    expect(await sync()).toMatchObject({ ok: false, reason: 'offline' });
    // The server got the bytes; the note did not go before its photo was confirmed.
    expect(server.photos.size).toBe(1);
    expect(server.log).not.toContain('POST /api/sync/push');
    expect(await db.outbox.count()).toBe(1);

    server.log.length = 0;
    expect(await sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(photoTraffic()).toEqual(['POST /api/photos/missing', 'POST /api/sync/push']);
    expect(server.photos.size).toBe(1);
    expect(await db.photos.get(photo.hash)).toMatchObject({ uploaded: 1 });
  });

  it('sends the same bytes again safely when the server cannot say it holds them', async () => {
    await noteWithPhoto();
    server.loseAnswerTo = 'PUT /api/photos/';
    await sync();
    server.missingForgets = true;
    expect(await sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(server.log.filter((l) => l.startsWith('PUT'))).toHaveLength(2);
    expect(server.photos.size).toBe(1);
  });

  it('uploads again and pushes again when the server refuses the note for a missing photo', async () => {
    const { photo } = await noteWithPhoto();
    // The device believes the server has it (say the server's disk was restored).
    await db.photos.update(photo.hash, { uploaded: 1 });

    expect(await sync()).toMatchObject({ ok: true });
    expect(photoTraffic()).toEqual([
      'POST /api/sync/push',
      'POST /api/photos/missing',
      'POST /api/photos/missing',
      `PUT /api/photos/${photo.hash}`,
      'POST /api/sync/push',
    ]);
    expect(server.photos.size).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a refusal for any other reason, without uploading', async () => {
    const { note } = await noteWithPhoto();
    const record = (await db.records.get(['observation', note.id]))!;
    // A record naming a photo this device does not hold cannot be helped by an upload.
    const data = record.data as { photos: Array<{ hash: string }> };
    const stranger = { ...data.photos[0]!, hash: 'f'.repeat(64) };
    await writeRecord(db, 'observation', note.id, { ...data, photos: [stranger] }, { now });
    await sync();
    const rows = await db.outbox.toArray();
    expect(rows).toEqual([expect.objectContaining({ state: 'rejected' })]);
    expect(server.log.filter((l) => l.startsWith('PUT'))).toEqual([]);
  });
});
