import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/visits';
import { observation, putMutation } from '../../support/factories';
import {
  fixture,
  getPhoto,
  missingPhotos,
  photoRef,
  sha256,
  uploadPhoto,
} from '../../support/photos';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { noShare, put, visit, visitNote } from '../../support/visit-factories';
import { ids, school, visitSchool, type Cookies, type Who } from '../../support/visit-school';

const dialects = await testDialects();
const client = crypto.randomUUID();
const everyone: Who[] = ['host', 'colleague', 'second', 'principal', 'coach', 'outsider', 'admin'];

describe.each(dialects)('who may read a photo, on %s', (dialect) => {
  let server: TestServer;
  let as: Cookies;
  let booked: Visit;
  const jpeg = fixture('photo.jpg');
  const hash = sha256(jpeg);

  beforeEach(async () => {
    server = await startTestServer(dialect);
    as = await visitSchool(server);
    const open = visit({ schoolId: school, hostId: ids.host });
    booked = { ...open, observerId: ids.colleague, observerName: 'Mr Colleague' };
    await server.push(client, [put(client, 'visit', open)], as.host);
    await server.push(client, [put(client, 'visit', booked, { baseRev: 1 })], as.colleague);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const readers = async () => {
    const seen: Who[] = [];
    for (const who of everyone) {
      const res = await getPhoto(server, hash, as[who]);
      if (res.status === 200) seen.push(who);
      else expect(res.status).toBe(404);
    }
    return seen;
  };

  it('shows a photo to nobody but its uploader until a record names it', async () => {
    await uploadPhoto(server, jpeg, { schoolId: school, cookie: as.colleague });
    expect(await readers()).toEqual(['colleague']);
  });

  it('shows an observation’s photo to its author only, as the observation itself (leaders see aggregates)', async () => {
    await uploadPhoto(server, jpeg, { schoolId: school, cookie: as.colleague });
    const o = observation({
      observerId: ids.colleague,
      schoolId: school,
      photos: [photoRef(jpeg)],
    });
    const result = await server.push(client, [putMutation(client, o)], as.colleague);
    expect(result.results[0]).toMatchObject({ status: 'applied' });
    expect(await readers()).toEqual(['colleague']);
  });

  it('shows a visit note’s photo to the host only once the observer ticks photos on a finished, shared note', async () => {
    await uploadPhoto(server, jpeg, { schoolId: school, cookie: as.colleague });
    const note = visitNote(booked, {
      observerId: ids.colleague,
      share: { ...noShare, glow: true },
      photos: [photoRef(jpeg)],
    });
    const write = async (n: typeof note, baseRev: number | null) =>
      (await server.push(client, [put(client, 'visit-note', n, { baseRev })], as.colleague))
        .results[0];
    expect(await write(note, null)).toMatchObject({ status: 'applied' });
    expect(await readers()).toEqual(['colleague']);

    expect(await write({ ...note, share: { ...note.share, photos: true } }, 1)).toMatchObject({
      status: 'applied',
    });
    expect(await readers()).toEqual(['host', 'colleague']);

    // Unticked again: the host's shared note drops the photos, and so does their access.
    expect(await write({ ...note, share: { ...note.share, photos: false } }, 2)).toMatchObject({
      status: 'applied',
    });
    expect(await readers()).toEqual(['colleague']);

    // A draft is not shared at all, ticked or not.
    const draft = {
      ...note,
      status: 'draft' as const,
      endedAt: null,
      share: { ...note.share, photos: true },
    };
    expect(await write(draft, 3)).toMatchObject({ status: 'applied' });
    expect(await readers()).toEqual(['colleague']);
  });

  it('answers missing with the photos this user neither sent nor may read, never revealing others’', async () => {
    const png = fixture('photo.png');
    await uploadPhoto(server, jpeg, { schoolId: school, cookie: as.colleague });
    await uploadPhoto(server, png, { schoolId: school, cookie: as.host, type: 'image/png' });
    const unknown = 'f'.repeat(64);
    const ask = async (who: Who) => {
      const res = await missingPhotos(server, [hash, sha256(png), unknown], as[who]);
      expect(res.status).toBe(200);
      return ((await res.json()) as { missing: string[] }).missing;
    };
    expect(await ask('colleague')).toEqual([sha256(png), unknown]);
    expect(await ask('host')).toEqual([hash, unknown]);
    expect(await ask('outsider')).toEqual([hash, sha256(png), unknown]);
  });

  it('refuses a malformed missing request with a clear 400 and an unknown hash with 404', async () => {
    const bad = await missingPhotos(server, ['nope'], as.colleague);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/64 lowercase hex/);
    expect((await getPhoto(server, 'nope', as.colleague)).status).toBe(404);
    expect((await getPhoto(server, 'a'.repeat(64), as.colleague)).status).toBe(404);
    const signedOut = await server.app.request(`/api/photos/${hash}`);
    expect(signedOut.status).toBe(401);
  });
});
