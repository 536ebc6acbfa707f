import { existsSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteUnreferencedPhotos } from '../../../src/server/photos/cleanup';
import { photoPath, type PhotoStore } from '../../../src/server/photos/store';
import { DAY } from '../../support/accounts';
import { observation, putMutation } from '../../support/factories';
import {
  fixture,
  photoRef,
  sha256,
  storeKinds,
  testPhotoStore,
  uploadPhoto,
} from '../../support/photos';
import { signedInCookie, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const client = crypto.randomUUID();
const school = 'd3000000-0000-4000-8000-0000000000d3';
const teacherId = '52000000-0000-4000-8000-000000000001';

describe.each(dialects.flatMap((d) => storeKinds.map((k) => [d, k] as const)))(
  'deleting photos no record has named for 30 days, on %s with bytes in %s',
  (dialect, kind) => {
    let server: TestServer;
    let store: PhotoStore;
    let dir: string | null;
    // The server writes on the real clock (sessions live by it); the clean-up is run as of later days.
    let start: number;
    let teacher: string;
    const jpeg = fixture('photo.jpg');
    const png = fixture('photo.png');

    beforeEach(async () => {
      ({ store, dir } = testPhotoStore(kind));
      start = Date.now();
      server = await startTestServer(dialect, { photoStore: store });
      teacher = await signedInCookie(server.db.db, {
        id: teacherId,
        roles: [{ schoolId: school, role: 'teacher' }],
      });
    });
    afterEach(async () => {
      await server.db.dispose();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const held = async () =>
      (await server.db.db.selectFrom('photos').select('hash').orderBy('hash').execute()).map(
        (r) => r.hash,
      );
    const cleanAfter = async (days: number) =>
      (await deleteUnreferencedPhotos(server.db.db, store, new Date(start + days * DAY))).sort();

    it('keeps a photo on a note, and deletes one taken off it 30 days later, bytes and all', async () => {
      await uploadPhoto(server, jpeg, { schoolId: school, cookie: teacher });
      await uploadPhoto(server, png, { schoolId: school, cookie: teacher, type: 'image/png' });
      const o = observation({
        observerId: teacherId,
        schoolId: school,
        photos: [photoRef(jpeg), photoRef(png, 'image/png')],
      });
      await server.push(client, [putMutation(client, o)], teacher);
      expect(await cleanAfter(40)).toEqual([]);

      // Taken off the note now: still kept for 30 days, then gone.
      await server.push(
        client,
        [putMutation(client, { ...o, photos: [photoRef(jpeg)] }, { baseRev: 1 })],
        teacher,
      );
      expect(await cleanAfter(29)).toEqual([]);
      expect(await cleanAfter(30.01)).toEqual([sha256(png)]);
      expect(await held()).toEqual([sha256(jpeg)]);
      expect(await server.count('photo_uploads')).toBe(1);
      if (dir) {
        expect(existsSync(photoPath(dir, sha256(png)))).toBe(false);
        expect(existsSync(photoPath(dir, sha256(jpeg)))).toBe(true);
      }
    });

    it('deletes a photo sent but never put on a note, and one whose note was deleted', async () => {
      await uploadPhoto(server, png, { schoolId: school, cookie: teacher, type: 'image/png' });
      await uploadPhoto(server, jpeg, { schoolId: school, cookie: teacher });
      const o = observation({ observerId: teacherId, schoolId: school, photos: [photoRef(jpeg)] });
      await server.push(client, [putMutation(client, o)], teacher);
      await server.push(
        client,
        [putMutation(client, o, { op: 'delete', data: null, baseRev: 1 })],
        teacher,
      );
      expect(await cleanAfter(29)).toEqual([]);
      expect(await cleanAfter(30.01)).toEqual([sha256(jpeg), sha256(png)].sort());
      expect(await held()).toEqual([]);
      expect(await server.count('photo_uploads')).toBe(0);
    });

    it('keeps a photo a note names, however long ago it was sent', async () => {
      await uploadPhoto(server, jpeg, { schoolId: school, cookie: teacher });
      const o = observation({ observerId: teacherId, schoolId: school, photos: [photoRef(jpeg)] });
      await server.push(client, [putMutation(client, o)], teacher);
      expect(await cleanAfter(365)).toEqual([]);
      expect(await held()).toEqual([sha256(jpeg)]);
    });
  },
);
