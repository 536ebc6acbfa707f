import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PHOTO_UPLOAD_LIMIT, PhotoUploaded } from '../../../src/shared/photos';
import { ErrorBody } from '../../../src/shared/errors';
import { photoPath } from '../../../src/server/photos/store';
import { signedInCookie, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import {
  fixture,
  getPhoto,
  sha256,
  storeKinds,
  testPhotoStore,
  uploadPhoto,
} from '../../support/photos';

const dialects = await testDialects();
const school = 'd1000000-0000-4000-8000-0000000000d1';
const teacherId = '50000000-0000-4000-8000-000000000001';

/** Every file under a folder, temporary ones included. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

describe.each(dialects.flatMap((d) => storeKinds.map((k) => [d, k] as const)))(
  'uploading a photo on %s, bytes in %s',
  (dialect, kind) => {
    let server: TestServer;
    let dir: string | null;
    let teacher: string;

    beforeEach(async () => {
      const photos = testPhotoStore(kind);
      dir = photos.dir;
      server = await startTestServer(dialect, { photoStore: photos.store });
      teacher = await signedInCookie(server.db.db, {
        id: teacherId,
        roles: [{ schoolId: school, role: 'teacher' }],
      });
    });
    afterEach(async () => {
      await server.db.dispose();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const nothingStored = async () => {
      expect(await server.count('photos')).toBe(0);
      expect(await server.count('photo_uploads')).toBe(0);
      if (dir) expect(filesUnder(dir)).toEqual([]);
    };
    const errorOf = async (res: Response) => ErrorBody.parse(await res.json()).error;

    it('stores a photo once under its hash, and answers the same bytes again with stored: false', async () => {
      const bytes = fixture('photo.jpg');
      const first = await uploadPhoto(server, bytes, { schoolId: school, cookie: teacher });
      expect(first.status).toBe(201);
      expect(PhotoUploaded.parse(await first.json())).toEqual({
        hash: sha256(bytes),
        bytes: bytes.length,
        stored: true,
      });
      const again = await uploadPhoto(server, bytes, { schoolId: school, cookie: teacher });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({
        hash: sha256(bytes),
        bytes: bytes.length,
        stored: false,
      });
      expect(await server.count('photos')).toBe(1);
      if (dir) expect(filesUnder(dir)).toEqual([photoPath(dir, sha256(bytes))]);

      const row = await server.db.db
        .selectFrom('photos')
        .select(['uploaded_by', 'school_id', 'type', 'bytes', 'width', 'height', 'data'])
        .executeTakeFirstOrThrow();
      expect({
        ...row,
        bytes: Number(row.bytes),
        width: Number(row.width),
        height: Number(row.height),
        data: row.data ? 'kept' : null,
      }).toEqual({
        uploaded_by: teacherId,
        school_id: school,
        type: 'image/jpeg',
        bytes: bytes.length,
        width: 96,
        height: 64,
        data: kind === 'database' ? 'kept' : null,
      });

      const read = await getPhoto(server, sha256(bytes), teacher);
      expect(read.status).toBe(200);
      expect(Buffer.from(await read.arrayBuffer()).equals(bytes)).toBe(true);
      expect(read.headers.get('content-type')).toBe('image/jpeg');
      expect(read.headers.get('x-content-type-options')).toBe('nosniff');
      expect(read.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(read.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    });

    it('takes PNG and WebP photos too', async () => {
      for (const [name, type] of [
        ['photo.png', 'image/png'],
        ['photo.webp', 'image/webp'],
      ]) {
        const res = await uploadPhoto(server, fixture(name!), {
          schoolId: school,
          cookie: teacher,
          type: type!,
        });
        expect(res.status).toBe(201);
      }
      expect(await server.count('photos')).toBe(2);
    });

    it('refuses bytes that do not match their hash, storing nothing', async () => {
      const res = await uploadPhoto(server, fixture('photo.jpg'), {
        schoolId: school,
        cookie: teacher,
        hash: sha256(fixture('photo.png')),
      });
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({
        code: 'hash_mismatch',
        message: expect.stringMatching(/nothing was stored/),
      });
      await nothingStored();
    });

    it('cuts off a 50 MB body where it crosses the limit, without reading it all', async () => {
      let sent = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0xab);
      const fifty = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 50 * 1024 * 1024) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const res = await uploadPhoto(server, fifty, { schoolId: school, cookie: teacher });
      expect(res.status).toBe(413);
      expect(await errorOf(res)).toMatchObject({
        code: 'payload_too_large',
        message: expect.stringMatching(/at most 1 MB/),
      });
      expect(sent).toBeLessThan(PHOTO_UPLOAD_LIMIT + 4 * chunk.length);
      await nothingStored();
    });

    it('refuses a body that says it is over the limit before reading it', async () => {
      const res = await server.app.request(`/api/photos/${'a'.repeat(64)}?school=${school}`, {
        method: 'PUT',
        headers: {
          'content-type': 'image/jpeg',
          'content-length': String(50 * 1024 * 1024),
          cookie: teacher,
        },
        body: new Uint8Array(16),
      });
      expect(res.status).toBe(413);
      await nothingStored();
    });

    it('stores nothing, and leaves no temporary file, when the upload breaks off midway', async () => {
      const bytes = fixture('photo.jpg');
      let step = 0;
      const broken = new ReadableStream<Uint8Array>({
        pull(controller) {
          step += 1;
          if (step === 1) controller.enqueue(bytes.subarray(0, 1000));
          else controller.error(new Error('connection reset'));
        },
      });
      const res = await uploadPhoto(server, broken, {
        schoolId: school,
        cookie: teacher,
        hash: sha256(bytes),
      });
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({
        code: 'invalid_request',
        message: 'The upload broke off before its end; nothing was stored',
      });
      await nothingStored();
    });

    it.each([
      ['not-an-image.jpg', 'image/jpeg', /not a JPEG, PNG or WebP/],
      ['png-as-jpeg.jpg', 'image/jpeg', /a PNG image but was sent as JPEG/],
      ['zip-polyglot.jpg', 'image/jpeg', /follow the end of the JPEG/],
      ['html-tail.jpg', 'image/jpeg', /follow the end of the JPEG/],
      ['html-in-comment.jpg', 'image/jpeg', /metadata hides a script/],
      ['truncated.jpg', 'image/jpeg', /cut off before its end/],
      ['zip-tail.png', 'image/png', /follow the end of the PNG/],
      ['html-tail.webp', 'image/webp', /follow the end of the WebP/],
      ['too-wide.png', 'image/png', /at most 10000 on a side/],
      ['exif-gps.jpg', 'image/jpeg', /EXIF/],
    ])('refuses %s with 415 and stores nothing', async (name, type, message) => {
      const res = await uploadPhoto(server, fixture(name), {
        schoolId: school,
        cookie: teacher,
        type,
      });
      expect(res.status).toBe(415);
      expect(await errorOf(res)).toMatchObject({
        code: 'unsupported_media_type',
        message: expect.stringMatching(message),
      });
      await nothingStored();
    });

    it('refuses a type that is not a photo and a body with none', async () => {
      const gif = await uploadPhoto(server, fixture('photo.jpg'), {
        schoolId: school,
        cookie: teacher,
        type: 'image/gif',
      });
      expect(gif.status).toBe(415);
      const empty = await uploadPhoto(server, new Uint8Array(), {
        schoolId: school,
        cookie: teacher,
      });
      expect(empty.status).toBe(415);
      await nothingStored();
    });

    it('refuses a malformed hash or school with a clear 400', async () => {
      const badHash = await uploadPhoto(server, fixture('photo.jpg'), {
        schoolId: school,
        cookie: teacher,
        hash: 'ABC',
      });
      expect(badHash.status).toBe(400);
      expect((await errorOf(badHash)).message).toMatch(/64 lowercase hex/);
      const noSchool = await uploadPhoto(server, fixture('photo.jpg'), {
        schoolId: 'nowhere',
        cookie: teacher,
      });
      expect(noSchool.status).toBe(400);
      expect((await errorOf(noSchool)).message).toMatch(/\?school=/);
      await nothingStored();
    });

    it('takes photos only from the school’s staff and while the school allows photos', async () => {
      const outsider = await signedInCookie(server.db.db, {
        id: '50000000-0000-4000-8000-000000000002',
        roles: [{ schoolId: crypto.randomUUID(), role: 'teacher' }],
      });
      const bytes = fixture('photo.jpg');
      const elsewhere = await uploadPhoto(server, bytes, { schoolId: school, cookie: outsider });
      expect(elsewhere.status).toBe(403);
      const admin = await signedInCookie(server.db.db, {
        id: '50000000-0000-4000-8000-000000000003',
        districtAdmin: true,
      });
      const noSuchSchool = await uploadPhoto(server, bytes, {
        schoolId: crypto.randomUUID(),
        cookie: admin,
      });
      expect(noSuchSchool.status).toBe(403);
      await nothingStored();

      await server.db.db
        .insertInto('school_photo_settings')
        .values({
          school_id: school,
          photos_allowed: 0,
          updated_at: '2026-11-30T00:00:00.000Z',
          updated_by: teacherId,
        })
        .execute();
      const off = await uploadPhoto(server, bytes, { schoolId: school, cookie: teacher });
      expect(off.status).toBe(403);
      expect(await errorOf(off)).toEqual({
        code: 'forbidden',
        message: 'Photos are turned off for this school',
      });
      await nothingStored();
      expect((await uploadPhoto(server, bytes, { schoolId: school, cookie: admin })).status).toBe(
        403,
      );
    });

    it('refuses an upload from another site, and one signed out', async () => {
      const bytes = fixture('photo.jpg');
      const crossSite = await server.app.request(`/api/photos/${sha256(bytes)}?school=${school}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', cookie: teacher, origin: 'https://evil.example' },
        body: bytes,
      });
      expect(crossSite.status).toBe(403);
      const signedOut = await server.app.request(`/api/photos/${sha256(bytes)}?school=${school}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg' },
        body: bytes,
      });
      expect(signedOut.status).toBe(401);
      await nothingStored();
      if (dir) expect(existsSync(dir) ? filesUnder(dir) : []).toEqual([]);
    });
  },
);
