import { expect } from 'vitest';
import type { PushResponse } from '../../src/shared/sync';
import { build, put, type MatrixActor, type World } from './matrix-world';
import { fixture, photoRef, sha256 } from './photos';

/** The photo routes' attempts for the authorization matrix (see matrix-attempts.ts). */

type School = 'own' | 'other' | 'district' | '-';
interface Attempt {
  world: World;
  actor: MatrixActor | null;
  school: School;
  record: string;
}
type Outcome = number | 'applied' | 'rejected' | 'sees' | 'hidden';

/** A JPEG no one has sent yet: the fixture with a comment naming it, after its start marker. */
function freshJpeg(): Uint8Array<ArrayBuffer> {
  const base = fixture('photo.jpg');
  const text = new TextEncoder().encode(`matrix ${crypto.randomUUID()}`);
  const comment = new Uint8Array([0xff, 0xfe, 0, text.length + 2, ...text]);
  const out = new Uint8Array(base.length + comment.length);
  out.set(base.subarray(0, 2));
  out.set(comment, 2);
  out.set(base.subarray(2), 2 + comment.length);
  return out;
}

const cookieOf = (actor: { cookie: string } | null): Record<string, string> =>
  actor ? { cookie: actor.cookie } : {};

async function upload(
  w: World,
  bytes: Uint8Array<ArrayBuffer>,
  schoolId: string,
  who: { cookie: string } | null,
) {
  return w.server.app.request(`/api/photos/${sha256(bytes)}?school=${schoolId}`, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg', ...cookieOf(who) },
    body: bytes,
  });
}

/** Uploads a fresh photo as `who` and stores `record` (which names it) through push. */
async function seedWithPhoto(
  w: World,
  who: { cookie: string },
  schoolId: string,
  record: (ref: ReturnType<typeof photoRef>) => ReturnType<typeof put>,
): Promise<string> {
  const bytes = freshJpeg();
  expect((await upload(w, bytes, schoolId, who)).status).toBe(201);
  const { results } = (await (
    await w.server.app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: who.cookie },
      body: JSON.stringify({
        clientId: record(photoRef(bytes)).clientId,
        mutations: [record(photoRef(bytes))],
      }),
    })
  ).json()) as PushResponse;
  expect(results[0]?.status, JSON.stringify(results[0])).toBe('applied');
  return sha256(bytes);
}

async function read(a: Attempt, hash: string): Promise<Outcome> {
  const res = await a.world.server.app.request(`/api/photos/${hash}`, {
    headers: cookieOf(a.actor),
  });
  if (res.status === 200) return 'sees';
  if (res.status === 404) return 'hidden';
  return res.status;
}

/** A peer visit in school A hosted by `host`, observed by A's coach, photos ticked and shared. */
async function visitWithSharedPhoto(w: World, host: { id: string; cookie: string }) {
  const v = build.visit(host.id, w.schoolA);
  const booked = { ...v, observerId: w.coachOf.A.id, observerName: 'Observer' };
  for (const [who, mutation] of [
    [host, put('visit', v.id, v)],
    [w.coachOf.A, put('visit', v.id, booked, 1)],
  ] as const) {
    const res = await w.server.push(mutation.clientId, [mutation], who.cookie);
    expect(res.results[0]?.status).toBe('applied');
  }
  const note = {
    ...build.visitNote(w.coachOf.A.id, w.schoolA),
    visitId: v.id,
    status: 'complete' as const,
    endedAt: '2026-11-24T14:30:00.000Z',
  };
  return seedWithPhoto(w, w.coachOf.A, w.schoolA, (ref) =>
    put('visit-note', note.id, {
      ...note,
      share: { ...note.share, glow: true, photos: true },
      photos: [ref],
    }),
  );
}

export const photoAttempts: Record<string, (a: Attempt) => Promise<Outcome>> = {
  'PUT /api/photos/:hash': async (a) => {
    const schoolId = a.school === 'other' ? a.world.schoolB : a.world.schoolA;
    return (await upload(a.world, freshJpeg(), schoolId, a.actor)).status;
  },
  'PUT /api/schools/:id/photos': async (a) => {
    const schoolId = a.school === 'other' ? a.world.schoolB : a.world.schoolA;
    const res = await a.world.server.app.request(`/api/schools/${schoolId}/photos`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...cookieOf(a.actor) },
      body: JSON.stringify({ photosAllowed: true }),
    });
    return res.status;
  },
  'GET /api/photos/:hash (observation)': async (a) => {
    const w = a.world;
    const schoolId = a.school === 'other' ? w.schoolB : w.schoolA;
    const author =
      a.record === 'own' && a.actor
        ? a.actor
        : a.school === 'other'
          ? w.teacherOf.B
          : w.teacherOf.A;
    const o = build.observation(author.id, schoolId);
    const hash = await seedWithPhoto(w, author, schoolId, (ref) =>
      put('observation', o.id, { ...o, photos: [ref] }),
    );
    return read(a, hash);
  },
  'GET /api/photos/:hash (visit note)': async (a) => {
    const w = a.world;
    // A district admin hosts no visit: for them (and signed out) A's teacher hosts.
    const host =
      a.record === 'shared with me' && a.actor && (await hosts(a)) ? a.actor : w.teacherOf.A;
    return read(a, await visitWithSharedPhoto(w, host));
  },
};

/** Whether the actor may host a peer visit (every school role; not a district admin). */
async function hosts(a: Attempt): Promise<boolean> {
  const me = await a.world.server.app.request('/api/auth/me', { headers: cookieOf(a.actor) });
  const body = (await me.json()) as { memberships: unknown[] };
  return body.memberships.length > 0;
}
