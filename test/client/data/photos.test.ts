import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import { photoBlob } from '../../../src/client/data/photo-store';
import { addPhoto, photoInUse, removePhoto, setCaption } from '../../../src/client/data/photos';
import { unsentExport } from '../../../src/client/data/unsent-export';
import { takeBatch } from '../../../src/client/data/outbox-batch';
import { writeRecord } from '../../../src/client/data/write-record';
import { Observation } from '../../../src/shared/observation';
import { PHOTOS_PER_RECORD } from '../../../src/shared/photos';
import { observation } from '../../support/factories';
import { photoRef, preparedPhoto } from '../../support/photo-fakes';

const now = new Date('2026-11-23T09:00:00Z');

describe('the photo store on the device', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`photos-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  async function saved(overrides: Partial<Observation> = {}) {
    const note = observation(overrides);
    await writeRecord(db, 'observation', note.id, note, { now });
    return note;
  }
  const stored = async (id: string) =>
    Observation.parse((await db.records.get(['observation', id]))?.data);

  it('keeps the bytes, the record naming them and its outbox row together', async () => {
    const note = await saved();
    const photo = preparedPhoto();
    await addPhoto(db, 'observation', note.id, photo, 'Anchor chart', now);

    expect((await stored(note.id)).photos).toEqual([
      { ...photoRef(photo, 'Anchor chart'), addedAt: now.toISOString() },
    ]);
    expect(await db.photos.get(photo.hash)).toMatchObject({ hash: photo.hash, uploaded: 0 });
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect((rows[0]?.data as Observation).photos?.[0]?.hash).toBe(photo.hash);
  });

  it('changes nothing when the bytes cannot be written (a full device)', async () => {
    const note = await saved();
    const before = { record: await stored(note.id), outbox: await db.outbox.toArray() };
    db.photos.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(addPhoto(db, 'observation', note.id, preparedPhoto(), '', now)).rejects.toThrow(
      /quota/,
    );
    expect(await stored(note.id)).toEqual(before.record);
    expect(await db.outbox.toArray()).toEqual(before.outbox);
    expect(await db.photos.count()).toBe(0);
  });

  it('refuses a photo more than a note holds, and the same photo twice', async () => {
    const note = await saved();
    for (let i = 0; i < PHOTOS_PER_RECORD; i += 1) {
      await addPhoto(db, 'observation', note.id, preparedPhoto(), '', now);
    }
    await expect(addPhoto(db, 'observation', note.id, preparedPhoto(), '', now)).rejects.toThrow(
      `at most ${PHOTOS_PER_RECORD} photos`,
    );
    const first = (await stored(note.id)).photos![0]!;
    const again = { ...preparedPhoto(), hash: first.hash };
    await expect(addPhoto(db, 'observation', note.id, again, '', now)).rejects.toThrow(
      'already on this note',
    );
    expect(await db.photos.count()).toBe(PHOTOS_PER_RECORD);
  });

  it('changes a caption, and refuses one with markup in it', async () => {
    const note = await saved();
    const photo = preparedPhoto();
    await addPhoto(db, 'observation', note.id, photo, '', now);
    await setCaption(db, 'observation', note.id, photo.hash, 'Task on the board', now);
    expect((await stored(note.id)).photos?.[0]?.caption).toBe('Task on the board');
    await expect(
      setCaption(db, 'observation', note.id, photo.hash, 'Task \u202e on the board', now),
    ).rejects.toThrow();
    expect((await stored(note.id)).photos?.[0]?.caption).toBe('Task on the board');
  });

  it('removes a photo and its bytes when nothing else names them', async () => {
    const note = await saved();
    const photo = preparedPhoto();
    await addPhoto(db, 'observation', note.id, photo, '', now);
    await removePhoto(db, 'observation', note.id, photo.hash, now);
    expect((await stored(note.id)).photos).toEqual([]);
    expect(await db.photos.get(photo.hash)).toBeUndefined();
  });

  it('keeps the bytes while another note or an unsent change still names them', async () => {
    const [a, b] = [await saved(), await saved()];
    const photo = preparedPhoto();
    await addPhoto(db, 'observation', a.id, photo, '', now);
    await addPhoto(db, 'observation', b.id, photo, '', now);
    await removePhoto(db, 'observation', a.id, photo.hash, now);
    expect(await db.photos.get(photo.hash)).toBeDefined();

    // The change that added it to b is on its way (frozen): the server may still ask.
    await takeBatch(db, crypto.randomUUID(), 10);
    await removePhoto(db, 'observation', b.id, photo.hash, now);
    expect(await photoInUse(db, photo.hash)).toBe(true);
    expect(await db.photos.get(photo.hash)).toBeDefined();
  });

  it('lets the author remove a photo only until the observation is finished', async () => {
    const note = await saved();
    const photo = preparedPhoto();
    await addPhoto(db, 'observation', note.id, photo, '', now);
    await writeRecord(
      db,
      'observation',
      note.id,
      { ...(await stored(note.id)), status: 'complete', endedAt: now.toISOString() },
      { now },
    );
    await expect(removePhoto(db, 'observation', note.id, photo.hash, now)).rejects.toThrow(
      'shared now',
    );
    expect((await stored(note.id)).photos).toHaveLength(1);
  });

  it('fetches a photo it does not hold from the server once, then keeps it', async () => {
    const photo = preparedPhoto();
    let fetched = 0;
    const fetcher = (async () => {
      fetched += 1;
      return new Response(photo.blob, { headers: { 'content-type': 'image/jpeg' } });
    }) as typeof fetch;
    const ref = photoRef(photo);
    const first = await photoBlob(db, ref, fetcher, now);
    const second = await photoBlob(db, ref, fetcher, now);
    expect(await first?.text()).toBe(await photo.blob.text());
    expect(await second?.text()).toBe(await photo.blob.text());
    expect(fetched).toBe(1);
    expect(await db.photos.get(photo.hash)).toMatchObject({ uploaded: 1 });
  });

  it('puts unsent photos into "Export unsent" as data URLs, and leaves uploaded ones out', async () => {
    const note = await saved();
    const [sent, unsent] = [preparedPhoto('on the server'), preparedPhoto('not yet')];
    await addPhoto(db, 'observation', note.id, sent, '', now);
    await addPhoto(db, 'observation', note.id, unsent, '', now);
    await db.photos.update(sent.hash, { uploaded: 1 });
    const file = JSON.parse(await unsentExport(db, now)) as {
      notes: unknown[];
      photos: Array<{ hash: string; dataUrl: string }>;
    };
    expect(file.notes).toHaveLength(1);
    expect(file.photos).toEqual([
      expect.objectContaining({
        hash: unsent.hash,
        dataUrl: `data:image/jpeg;base64,${Buffer.from('not yet').toString('base64')}`,
      }),
    ]);
  });

  it('answers null when neither the device nor the server has the photo', async () => {
    const fetcher = (async () => new Response('', { status: 404 })) as typeof fetch;
    expect(await photoBlob(db, photoRef(preparedPhoto()), fetcher, now)).toBeNull();
  });
});
