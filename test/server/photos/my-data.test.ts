import { rmSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, sha256, storeKinds, testPhotoStore, uploadPhoto } from '../../support/photos';
import { signedInCookie, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const school = 'd4000000-0000-4000-8000-0000000000d4';

describe.each(dialects.flatMap((d) => storeKinds.map((k) => [d, k] as const)))(
  'My data with photos, on %s with bytes in %s',
  (dialect, kind) => {
    let server: TestServer;
    let dir: string | null;

    beforeEach(async () => {
      const photos = testPhotoStore(kind);
      dir = photos.dir;
      server = await startTestServer(dialect, { photoStore: photos.store });
    });
    afterEach(async () => {
      await server.db.dispose();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('exports the photos a user sent in a zip beside the JSON, and no one else’s', async () => {
      const me = await signedInCookie(server.db.db, {
        id: '53000000-0000-4000-8000-000000000001',
        roles: [{ schoolId: school, role: 'teacher' }],
      });
      const someone = await signedInCookie(server.db.db, {
        id: '53000000-0000-4000-8000-000000000002',
        roles: [{ schoolId: school, role: 'teacher' }],
      });
      const jpeg = fixture('photo.jpg');
      const png = fixture('photo.png');
      await uploadPhoto(server, jpeg, { schoolId: school, cookie: me });
      await uploadPhoto(server, png, { schoolId: school, cookie: someone, type: 'image/png' });

      const json = await server.app.request('/api/me/export', { headers: { cookie: me } });
      expect(((await json.json()) as { photos: unknown[] }).photos).toEqual([
        {
          hash: sha256(jpeg),
          type: 'image/jpeg',
          bytes: jpeg.length,
          width: 96,
          height: 64,
          sentAt: expect.any(String),
          file: `photos/${sha256(jpeg)}.jpg`,
        },
      ]);

      const res = await server.app.request('/api/me/export.zip', { headers: { cookie: me } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      expect(res.headers.get('content-disposition')).toMatch(/lookfor-my-data\.zip/);
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      expect(Object.keys(files).sort()).toEqual([
        'lookfor-my-data.json',
        `photos/${sha256(jpeg)}.jpg`,
      ]);
      expect(sha256(files[`photos/${sha256(jpeg)}.jpg`]!)).toBe(sha256(jpeg));
      const data = JSON.parse(strFromU8(files['lookfor-my-data.json']!)) as {
        format: string;
        photos: Array<{ hash: string }>;
      };
      expect(data.format).toBe('lookfor-my-data');
      expect(data.photos.map((p) => p.hash)).toEqual([sha256(jpeg)]);
      expect((await server.app.request('/api/me/export.zip')).status).toBe(401);
    });
  },
);
