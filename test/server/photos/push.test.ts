import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResult } from '../../../src/shared/sync';
import { observation, putMutation } from '../../support/factories';
import { fixture, photoRef, sha256, uploadPhoto } from '../../support/photos';
import { signedInCookie, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const client = crypto.randomUUID();
const school = 'd2000000-0000-4000-8000-0000000000d2';
const teacherId = '51000000-0000-4000-8000-000000000001';

describe.each(dialects)('pushing a record with photos on %s', (dialect) => {
  let server: TestServer;
  let teacher: string;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    teacher = await signedInCookie(server.db.db, {
      id: teacherId,
      roles: [{ schoolId: school, role: 'teacher' }],
    });
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const jpeg = fixture('photo.jpg');
  const png = fixture('photo.png');
  const note = (photos = [photoRef(jpeg)]) =>
    observation({ observerId: teacherId, schoolId: school, photos });
  const push = async (...args: Parameters<typeof putMutation>) =>
    (await server.push(client, [putMutation(...args)], teacher)).results[0] as PushResult;
  const refs = async () =>
    (
      await server.db.db
        .selectFrom('photo_refs')
        .select(['hash', 'entity', 'entity_id'])
        .orderBy('hash')
        .execute()
    ).map((r) => `${r.entity}/${r.entity_id}/${r.hash.slice(0, 8)}`);

  it('refuses a note naming a photo not yet uploaded with photo_missing, then takes the same mutation once it is', async () => {
    const o = note();
    const mutation = putMutation(client, o);
    const first = (await server.push(client, [mutation], teacher)).results[0]!;
    expect(first).toEqual({
      mutationId: mutation.mutationId,
      status: 'rejected',
      code: 'photo_missing',
      errors: [
        {
          path: 'photos',
          message: `Photo ${sha256(jpeg)} is not on the server yet: upload it, then send this note again`,
        },
      ],
    });
    expect(await server.count('records')).toBe(0);
    // Not a final answer: nothing is kept that would answer the retry as a duplicate.
    expect(await server.count('mutations')).toBe(0);

    expect((await uploadPhoto(server, jpeg, { schoolId: school, cookie: teacher })).status).toBe(
      201,
    );
    const again = (await server.push(client, [mutation], teacher)).results[0]!;
    expect(again).toMatchObject({ mutationId: mutation.mutationId, status: 'applied', rev: 1 });
    expect(await refs()).toEqual([`observation/${o.id}/${sha256(jpeg).slice(0, 8)}`]);
  });

  it('refuses only the mutation missing a photo; the rest of the push is kept', async () => {
    const withPhoto = note();
    const plain = observation({ observerId: teacherId, schoolId: school });
    const { results } = await server.push(
      client,
      [putMutation(client, withPhoto), putMutation(client, plain)],
      teacher,
    );
    expect(results.map((r) => [r.status, 'code' in r ? r.code : undefined])).toEqual([
      ['rejected', 'photo_missing'],
      ['applied', undefined],
    ]);
  });

  it('does not let someone use a photo only another person uploaded', async () => {
    await uploadPhoto(server, jpeg, { schoolId: school, cookie: teacher });
    const otherId = '51000000-0000-4000-8000-000000000002';
    const other = await signedInCookie(server.db.db, {
      id: otherId,
      roles: [{ schoolId: school, role: 'teacher' }],
    });
    const theirs = observation({ observerId: otherId, schoolId: school, photos: [photoRef(jpeg)] });
    const refused = (await server.push(client, [putMutation(client, theirs)], other)).results[0]!;
    expect(refused).toMatchObject({ status: 'rejected', code: 'photo_missing' });
    // Sending the same bytes proves they hold them: stored once, usable by both.
    const resend = await uploadPhoto(server, jpeg, { schoolId: school, cookie: other });
    expect(resend.status).toBe(200);
    expect(await resend.json()).toMatchObject({ stored: false });
    const kept = (await server.push(client, [putMutation(client, theirs)], other)).results[0]!;
    expect(kept).toMatchObject({ status: 'applied' });
    expect(await server.count('photos')).toBe(1);
  });

  it('keeps photo_refs in step: a photo taken off a note, another added, the note deleted', async () => {
    await uploadPhoto(server, jpeg, { schoolId: school, cookie: teacher });
    await uploadPhoto(server, png, { schoolId: school, cookie: teacher, type: 'image/png' });
    const o = note();
    expect(await push(client, o)).toMatchObject({ status: 'applied' });
    const unreferenced = async (bytes: Uint8Array) =>
      (
        await server.db.db
          .selectFrom('photos')
          .select('unreferenced_at')
          .where('hash', '=', sha256(bytes))
          .executeTakeFirstOrThrow()
      ).unreferenced_at;
    expect(await unreferenced(jpeg)).toBeNull();
    expect(await unreferenced(png)).not.toBeNull();

    const swapped = { ...o, photos: [photoRef(png, 'image/png')] };
    expect(await push(client, swapped, { baseRev: 1 })).toMatchObject({ status: 'applied' });
    expect(await refs()).toEqual([`observation/${o.id}/${sha256(png).slice(0, 8)}`]);
    expect(await unreferenced(jpeg)).not.toBeNull();
    expect(await unreferenced(png)).toBeNull();

    const deleted = (
      await server.push(
        client,
        [putMutation(client, o, { op: 'delete', data: null, baseRev: 2 })],
        teacher,
      )
    ).results[0]!;
    expect(deleted).toMatchObject({ status: 'applied' });
    expect(await refs()).toEqual([]);
    expect(await unreferenced(png)).not.toBeNull();
  });

  it('takes an edit of a note whose photo it already holds without asking again', async () => {
    await uploadPhoto(server, jpeg, { schoolId: school, cookie: teacher });
    const o = note();
    await push(client, o);
    // Even if the uploader's own row were gone, the stored version names the photo.
    await server.db.db.deleteFrom('photo_uploads').execute();
    expect(await push(client, { ...o, notes: 'Edited' }, { baseRev: 1 })).toMatchObject({
      status: 'applied',
    });
  });

  it('refuses a put with a malformed photo list as invalid, not as missing', async () => {
    const bad = observation({ observerId: teacherId, schoolId: school });
    const result = await push(client, bad, {
      data: { ...bad, photos: [{ hash: 'not-a-hash' }] },
    });
    expect(result).toMatchObject({ status: 'rejected' });
    expect('code' in result ? result.code : undefined).toBeUndefined();
  });
});
