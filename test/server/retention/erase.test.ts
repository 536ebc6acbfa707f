import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhotoStore } from '../../../src/server/photos/store';
import { blastEmpoweredLearning } from '../../../src/shared/builtin-protocols';
import type { Visit } from '../../../src/shared/visits';
import { auditRows } from '../../support/accounts';
import { observation, putMutation, round } from '../../support/factories';
import { fixture, photoRef, testPhotoStore, uploadPhoto } from '../../support/photos';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { put, reflection, visit, visitNote } from '../../support/visit-factories';
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

describe.each(dialects)("deleting a person's data on request on %s", (dialect) => {
  let server: TestServer;
  let store: PhotoStore;
  let dir: string | null;
  let as: Cookies;
  let coaching: Visit;

  beforeEach(async () => {
    ({ store, dir } = testPhotoStore('files'));
    server = await startTestServer(dialect, { photoStore: store });
    as = await visitSchool(server);
    coaching = visit({
      schoolId: school,
      hostId: ids.host,
      kind: 'coaching',
      observerId: ids.coach,
      observerName: 'Coach Rivera',
    });
    await server.push(client, [put(client, 'visit', coaching)], as.host);
  });
  afterEach(async () => {
    await server.db.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const erase = (cookie: string, userId: string) =>
    server.app.request(`/api/staff/${userId}/erase`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
  const liveOf = async (ownerId: string) =>
    (
      await server.db.db
        .selectFrom('records')
        .select(['entity', 'data'])
        .where('owner_id', '=', ownerId)
        .where('deleted', '=', 0)
        .orderBy('entity')
        .execute()
    ).map((r) => r.entity);

  it('deletes their notes, photos, sessions and details, keeps round visits and others’ notes, and logs counts', async () => {
    const jpeg = fixture('photo.jpg');
    await uploadPhoto(server, jpeg, { schoolId: school, cookie: as.coach });
    const r = round({
      schoolId: school,
      createdBy: ids.coach,
      team: [{ userId: ids.coach, name: 'Coach Rivera' }],
      rooms: [{ id: 'r1', room: '1', gradeBand: '3-5', subject: 'Math', assignedTo: ids.coach }],
    });
    await server.push(client, [put(client, 'round', r)], as.coach);
    const inRound = observation({
      observerId: ids.coach,
      schoolId: school,
      roundId: r.id,
      roomId: 'r1',
      protocolId: blastEmpoweredLearning.id,
    });
    const alone = observation({
      observerId: ids.coach,
      schoolId: school,
      photos: [photoRef(jpeg)],
    });
    const results = await server.push(
      client,
      [
        putMutation(client, inRound),
        putMutation(client, alone),
        put(client, 'visit-note', visitNote(coaching, { observerId: ids.coach })),
        put(client, 'reflection', reflection(coaching, { authorId: ids.coach })),
      ],
      as.coach,
    );
    expect(results.results.map((x) => x.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    await server.push(
      client,
      [put(client, 'reflection', reflection(coaching, { authorId: ids.host }))],
      as.host,
    );

    const res = await erase(as.admin, ids.coach);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ notes: 2, observations: 1, photos: 1, sessions: 1 });

    // The round (the school's plan) and the visit in it stay; the host's own reflection too.
    expect(await liveOf(ids.coach)).toEqual(['observation', 'round']);
    expect(await liveOf(ids.host)).toEqual(['reflection', 'visit']);
    expect(await server.count('photos')).toBe(0);
    // What stays names them no more: the round visit, the round's team, the host's visit.
    const dataOf = async (entity: string, id: string) =>
      JSON.parse(
        (
          await server.db.db
            .selectFrom('records')
            .select('data')
            .where('entity', '=', entity)
            .where('entity_id', '=', id)
            .executeTakeFirstOrThrow()
        ).data!,
      ) as Record<string, unknown>;
    expect(await dataOf('observation', inRound.id)).toMatchObject({ observer: 'Deleted person' });
    expect(await dataOf('round', r.id)).toMatchObject({
      team: [{ userId: ids.coach, name: 'Deleted person' }],
    });
    expect(await dataOf('visit', coaching.id)).toMatchObject({
      hostName: 'Ms Host',
      observerName: 'Deleted person',
    });
    const pulled = latest(await pullAll(server, as.host), 'visit').get(coaching.id);
    expect(pulled?.data).toMatchObject({ observerName: 'Deleted person' });
    const user = await server.db.db
      .selectFrom('users')
      .select(['name', 'email', 'password_hash', 'deactivated_at'])
      .where('id', '=', ids.coach)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: 'Deleted person', password_hash: '' });
    expect(user.email).not.toContain('lookfor.test');
    expect(user.deactivated_at).not.toBeNull();
    const me = await server.app.request('/api/auth/me', { headers: { cookie: as.coach } });
    expect(me.status).toBe(401);

    const [line] = await auditRows(server, 'person.erased');
    expect(line).toMatchObject({ actor_id: ids.admin, subject: ids.coach });
    expect(JSON.parse(line!.details!)).toEqual({
      notes: 2,
      observations: 1,
      photos: 1,
      sessions: 1,
    });
  });

  it('is a district admin’s action only, never on oneself, and names a bad or unknown id', async () => {
    expect((await erase(as.principal, ids.coach)).status).toBe(403);
    expect((await erase(as.coach, ids.coach)).status).toBe(403);
    expect((await erase(as.admin, ids.admin)).status).toBe(409);
    expect((await erase(as.admin, 'not-an-id')).status).toBe(400);
    expect((await erase(as.admin, crypto.randomUUID())).status).toBe(404);
    expect(await auditRows(server, 'person.erased')).toEqual([]);
    expect(await liveOf(ids.host)).toEqual(['visit']);
  });
});
