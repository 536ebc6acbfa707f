import { expect } from 'vitest';
import { ownerOnly } from '../../src/server/sync/access/placement';
import type { PullResponse, RecentResponse, PushResponse } from '../../src/shared/sync';
import { pickNote, roundWithNotes } from './matrix-evidence';
import { calibrationAttempts } from './matrix-calibration';
import { pairAttempts } from './matrix-pairs';
import { photoAttempts } from './matrix-photos';
import { rosterAttempts } from './matrix-roster';
import { staffAttempts } from './matrix-staff';
import {
  actorFor,
  build,
  key,
  newMember,
  put,
  storePlaced,
  type MatrixActor,
  type World,
} from './matrix-world';

/** Where the attempt happens: the actor's own school (A), another (B), district-wide. */
export type School = 'own' | 'other' | 'district' | '-';
export type RecordScope = 'own' | "other's" | 'new' | 'as someone else' | 'shared with me' | '-';
export type Outcome = number | 'applied' | 'rejected' | 'sees' | 'hidden';

export interface Attempt {
  world: World;
  actor: MatrixActor | null;
  school: School;
  record: RecordScope;
}

const schoolOf = (w: World, school: School) =>
  school === 'other' ? w.schoolB : school === 'district' ? null : w.schoolA;
const side = (school: School) => (school === 'other' ? 'B' : 'A');

async function request(a: Attempt, method: string, path: string, body?: unknown) {
  return a.world.server.app.request(path, {
    method,
    headers: {
      ...(a.actor ? { cookie: a.actor.cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const status = async (a: Attempt, method: string, path: string, body?: unknown) =>
  (await request(a, method, path, body)).status;

/** Pushes one mutation as the actor: its result, or the HTTP status when refused outright. */
async function push(a: Attempt, mutation: ReturnType<typeof put>): Promise<Outcome> {
  const res = await request(a, 'POST', '/api/sync/push', {
    clientId: mutation.clientId,
    mutations: [mutation],
  });
  if (res.status !== 200) return res.status;
  const [result] = ((await res.json()) as PushResponse).results;
  return result!.status === 'applied' ? 'applied' : 'rejected';
}

/** Seeds as someone with the right to, and insists it was stored. */
async function seed(cookie: string, mutation: ReturnType<typeof put>, server: World['server']) {
  const { results } = await server.push(mutation.clientId, [mutation], cookie);
  expect(results[0]?.status, JSON.stringify(results[0])).toBe('applied');
}

/**
 * Whether the record is in everything the actor's pull serves, or in the first look
 * at the newest records a new device takes (`/api/sync/recent`): either one counts.
 */
async function pulled(a: Attempt, entityId: string): Promise<Outcome> {
  const recent = await request(a, 'GET', '/api/sync/recent?limit=500');
  if (recent.status !== 200) return recent.status;
  const first = (await recent.json()) as RecentResponse;
  if (first.changes.some((c) => c.entityId === entityId)) return 'sees';
  let cursor = 0;
  for (;;) {
    const res = await request(a, 'GET', `/api/sync/pull?cursor=${cursor}&limit=1000`);
    if (res.status !== 200) return res.status;
    const page = (await res.json()) as PullResponse;
    if (page.changes.some((c) => c.entityId === entityId)) return 'sees';
    if (!page.hasMore) return 'hidden';
    cursor = page.cursor;
  }
}

/** A peer offer posted by `host` in school A; its id. */
async function postOffer(w: World, host: { id: string; cookie: string }) {
  const v = build.visit(host.id, w.schoolA);
  await seed(host.cookie, put('visit', v.id, v), w.server);
  return v.id;
}
const bookedBy = (w: World, visitId: string, observerId: string) => ({
  ...build.visit(w.teacherOf.A.id, w.schoolA),
  id: visitId,
  observerId,
  observerName: 'Observer',
});
async function book(w: World, visitId: string, observer: { id: string; cookie: string }) {
  await seed(
    observer.cookie,
    put('visit', visitId, bookedBy(w, visitId, observer.id), 1),
    w.server,
  );
}
const noteOn = (w: World, visitId: string, observerId: string) => ({
  ...build.visitNote(observerId, w.schoolA),
  visitId,
  status: 'complete' as const,
  endedAt: '2026-11-24T14:30:00.000Z',
});
/**
 * A peer visit between two colleagues of school A (teacher hosts, coach observes) with a
 * finished note whose noticings are shared: what a third person must never receive.
 */
async function sharedVisit(w: World) {
  const visitId = await postOffer(w, w.teacherOf.A);
  await book(w, visitId, w.coachOf.A);
  const n = noteOn(w, visitId, w.coachOf.A.id);
  await seed(w.coachOf.A.cookie, put('visit-note', n.id, n), w.server);
  return { visitId, noteId: n.id };
}

const dashboardScope = (a: Attempt) =>
  `schoolId=${schoolOf(a.world, a.school)}&protocolId=blast-empowered-learning&from=2026-11-01&to=2026-11-30`;

/** Turns sharing with staff off for school A (as a district admin would), for one attempt. */
async function withSharingOff(a: Attempt, attempt: () => Promise<Outcome>): Promise<Outcome> {
  const admin = await actorFor(a.world, 'admin');
  const set = (share: boolean) =>
    a.world.server.app.request(`/api/dashboard/sharing/${a.world.schoolA}`, {
      method: 'PUT',
      headers: { cookie: admin!.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ shareWithStaff: share }),
    });
  expect((await set(false)).status).toBe(200);
  try {
    return await attempt();
  } finally {
    expect((await set(true)).status).toBe(200);
  }
}

/** Whether the evidence of a round, as the actor reads it, holds a text (or the refusal). */
async function evidenceHolds(a: Attempt, roundId: string, text: string): Promise<Outcome> {
  const res = await request(a, 'GET', `/api/dashboard/evidence?roundId=${roundId}`);
  if (res.status !== 200) return res.status;
  return (await res.text()).includes(text) ? 'sees' : 'hidden';
}

const newUserIn = async (w: World, schoolId: string) =>
  (await newMember(w.server, schoolId, 'teacher')).id;

/** How each route of the matrix is tried, by route name. */
export const attempts: Record<string, (a: Attempt) => Promise<Outcome>> = {
  ...staffAttempts,
  ...rosterAttempts,
  'POST /api/auth/setup': (a) =>
    status(a, 'POST', '/api/auth/setup', {
      token: 'x'.repeat(40),
      name: 'Intruder',
      email: 'intruder@district.example',
      password: 'a long enough password',
    }),
  'POST /api/auth/login': (a) =>
    status(a, 'POST', '/api/auth/login', {
      email: `${a.actor?.id ?? 'nobody'}@lookfor.test`,
      password: 'not the password',
    }),
  'POST /api/auth/accept-invite': (a) =>
    status(a, 'POST', '/api/auth/accept-invite', {
      token: 'y'.repeat(40),
      name: 'Guesser',
      email: 'guesser@district.example',
      password: 'a long enough password',
    }),
  // Asking for a reset link: anyone may, and the answer is the same for every address.
  'POST /api/auth/password-reset': (a) =>
    status(a, 'POST', '/api/auth/password-reset', {
      email: a.actor ? `${a.actor.id}@lookfor.test` : 'nobody@district.example',
    }),
  // A wrong reset link changes no password and ends no session.
  'POST /api/auth/password-reset/confirm': async (a) => {
    const snapshot = () =>
      Promise.all([
        a.world.server.db.db
          .selectFrom('users')
          .select(['id', 'password_hash'])
          .orderBy('id')
          .execute(),
        a.world.server.count('sessions'),
      ]);
    const before = await snapshot();
    const answer = await status(a, 'POST', '/api/auth/password-reset/confirm', {
      token: 'z'.repeat(40),
      password: 'a long enough password',
    });
    expect(await snapshot()).toEqual(before);
    return answer;
  },
  'GET /api/auth/me': (a) => status(a, 'GET', '/api/auth/me'),
  'POST /api/auth/logout': (a) => status(a, 'POST', '/api/auth/logout', {}),
  'POST /api/auth/logout-everywhere': (a) => status(a, 'POST', '/api/auth/logout-everywhere', {}),
  'GET /api/admin/schools': (a) => status(a, 'GET', '/api/admin/schools'),
  'POST /api/admin/schools': (a) =>
    status(a, 'POST', '/api/admin/schools', { name: `School ${crypto.randomUUID()}` }),
  'POST /api/admin/invites (teacher)': (a) =>
    status(a, 'POST', '/api/admin/invites', {
      schoolId: schoolOf(a.world, a.school),
      role: 'teacher',
    }),
  'POST /api/admin/invites (principal)': (a) =>
    status(a, 'POST', '/api/admin/invites', {
      schoolId: schoolOf(a.world, a.school),
      role: 'principal',
    }),
  'POST /api/admin/invites (admin)': (a) =>
    status(a, 'POST', '/api/admin/invites', { schoolId: null, role: 'district_admin' }),
  'POST /api/admin/roster': async (a) => {
    const school = await a.world.server.db.db
      .selectFrom('schools')
      .select('name')
      .where('id', '=', a.world.schoolA)
      .executeTakeFirstOrThrow();
    const email = `roster.${crypto.randomUUID().slice(0, 8)}@district.example`;
    return status(a, 'POST', '/api/admin/roster', {
      csv: `name,email,school,role\nAna,${email},${school.name},teacher`,
    });
  },
  'POST /api/admin/memberships': async (a) => {
    const schoolId = schoolOf(a.world, a.school)!;
    const userId = a.record === 'own' && a.actor ? a.actor.id : await newUserIn(a.world, schoolId);
    return status(a, 'POST', '/api/admin/memberships', { userId, schoolId, role: 'coach' });
  },
  'GET /api/me/export': async (a) => {
    const owner = a.record === 'own' && a.actor ? a.actor : a.world.teacherOf.A;
    const o = build.observation(owner.id, a.world.schoolA);
    await seed(owner.cookie, put('observation', o.id, o), a.world.server);
    const res = await request(a, 'GET', '/api/me/export');
    if (res.status !== 200) return res.status;
    return (await res.text()).includes(o.id) ? 'sees' : 'hidden';
  },

  'PUSH observation': async (a) => {
    const w = a.world;
    const schoolId = schoolOf(w, a.school)!;
    const me = a.actor?.id ?? w.teacherOf.A.id;
    if (a.record === "other's") {
      const theirs = w.teacherOf[side(a.school)];
      const o = build.observation(theirs.id, schoolId);
      await seed(theirs.cookie, put('observation', o.id, o), w.server);
      return push(a, put('observation', o.id, { ...o, observerId: me, notes: 'Mine now' }, 1));
    }
    const observer = a.record === 'as someone else' ? w.teacherOf.A.id : me;
    const o = build.observation(observer, schoolId);
    return push(a, put('observation', o.id, o));
  },
  'PUSH protocol': async (a) => {
    const w = a.world;
    const p = build.protocol(schoolOf(w, a.school));
    if (a.record === "other's") {
      await seed(w.coachOf[side(a.school)].cookie, put('protocol', key.protocol(p), p), w.server);
      return push(a, put('protocol', key.protocol(p), { ...p, name: 'Edited' }, 1));
    }
    return push(a, put('protocol', key.protocol(p), p));
  },
  'PUSH round': async (a) => {
    const w = a.world;
    const coach = w.coachOf[side(a.school)];
    const r = build.round(a.actor?.id ?? coach.id, schoolOf(w, a.school)!);
    if (a.record === "other's") {
      await seed(coach.cookie, put('round', r.id, { ...r, createdBy: coach.id }), w.server);
      return push(a, put('round', r.id, { ...r, createdBy: coach.id, name: 'Renamed' }, 1));
    }
    return push(a, put('round', r.id, r));
  },
  'PUSH round-progress': (a) => {
    const id = crypto.randomUUID();
    return push(
      a,
      put('round-progress', id, {
        roundId: id,
        schoolId: a.world.schoolA,
        visitedRoomIds: ['room-101'],
        updatedAt: '2026-11-23T09:00:00.000Z',
      }),
    );
  },
  'PUSH shared-note': (a) => {
    const n = build.sharedNote(a.actor?.id ?? a.world.teacherOf.A.id, a.world.teacherOf.A.id);
    return push(a, put('shared-note', n.noteId, n));
  },
  'PUSH visit': (a) => {
    const host = a.actor?.id ?? a.world.teacherOf.A.id;
    const v = build.visit(host, schoolOf(a.world, a.school)!);
    return push(a, put('visit', v.id, v));
  },
  'PUSH visit-note': async (a) => {
    const w = a.world;
    const visitId = await postOffer(w, w.teacherOf.A);
    if (a.record === "other's") {
      await book(w, visitId, w.coachOf.A);
      return push(a, put('visit-note', crypto.randomUUID(), noteOn(w, visitId, a.actor?.id ?? '')));
    }
    if (!a.actor) return push(a, put('visit-note', crypto.randomUUID(), noteOn(w, visitId, '')));
    const booking = await push(a, put('visit', visitId, bookedBy(w, visitId, a.actor.id), 1));
    if (booking !== 'applied') return booking;
    const n = noteOn(w, visitId, a.actor.id);
    return push(a, put('visit-note', n.id, n));
  },
  'PUSH reflection': async (a) => {
    const w = a.world;
    const hostId = a.record === 'own' && a.actor ? a.actor.id : w.teacherOf.A.id;
    const v = build.visit(hostId, w.schoolA);
    if (a.record === 'own' && a.actor) {
      const posted = await push(a, put('visit', v.id, v));
      if (posted !== 'applied') return posted;
    } else {
      await seed(w.teacherOf.A.cookie, put('visit', v.id, v), w.server);
      await book(w, v.id, w.coachOf.A);
    }
    const r = { ...build.reflection(a.actor?.id ?? hostId), visitId: v.id };
    return push(a, put('reflection', r.id, r));
  },

  'GET /api/dashboard/summary': (a) =>
    status(a, 'GET', `/api/dashboard/summary?${dashboardScope(a)}`),
  'GET /api/dashboard/summary (not shared)': (a) =>
    withSharingOff(a, () => status(a, 'GET', `/api/dashboard/summary?${dashboardScope(a)}`)),
  'GET /api/dashboard/summary.csv': (a) =>
    status(a, 'GET', `/api/dashboard/summary.csv?${dashboardScope(a)}`),
  'GET /api/dashboard/evidence': (a) =>
    status(a, 'GET', `/api/dashboard/evidence?${dashboardScope(a)}`),
  'GET /api/dashboard/trend': (a) =>
    status(
      a,
      'GET',
      `/api/dashboard/trend?schoolId=${schoolOf(a.world, a.school)}&protocolId=blast-empowered-learning`,
    ),
  'GET /api/dashboard/district': (a) =>
    status(
      a,
      'GET',
      '/api/dashboard/district?protocolId=blast-empowered-learning&from=2026-11-01&to=2026-11-30',
    ),
  'PUT /api/dashboard/sharing': (a) =>
    status(a, 'PUT', `/api/dashboard/sharing/${schoolOf(a.world, a.school)}`, {
      shareWithStaff: true,
    }),
  'GET /api/share-back/rounds': (a) =>
    status(a, 'GET', `/api/share-back/rounds?schoolId=${schoolOf(a.world, a.school)}`),
  'POST /api/share-back/rounds/:id/share': async (a) => {
    const round = await roundWithNotes(a.world, side(a.school));
    return status(a, 'POST', `/api/share-back/rounds/${round.roundId}/share`, {});
  },
  'GET /api/share-back/district': (a) => status(a, 'GET', '/api/share-back/district'),
  'GET /api/share-back/settings': (a) => status(a, 'GET', '/api/share-back/settings'),
  'PUT /api/share-back/settings': (a) =>
    status(a, 'PUT', '/api/share-back/settings', {
      schoolDays: 2,
      daysOff: ['2026-12-24'],
      timeZone: 'America/Chicago',
    }),
  'POST /api/dashboard/staff-evidence': async (a) => {
    const round = await roundWithNotes(a.world, side(a.school));
    return status(a, 'POST', '/api/dashboard/staff-evidence', {
      roundId: round.roundId,
      kind: 'note',
      text: round.notes[0]!.slice(0, 12),
    });
  },
  'DELETE /api/dashboard/staff-evidence/:id': async (a) => {
    const round = await roundWithNotes(a.world, side(a.school));
    const pick = await pickNote(a.world, side(a.school), round, round.notes[0]!);
    // A JSON body, as every state-changing request must be (CSRF), even with nothing in it.
    return status(a, 'DELETE', `/api/dashboard/staff-evidence/${pick.id}`, {});
  },
  'GET /api/dashboard/targets': async (a) => {
    const round = await roundWithNotes(a.world, side(a.school));
    return status(a, 'GET', `/api/dashboard/targets?roundId=${round.roundId}`);
  },
  'PUT /api/dashboard/targets': async (a) => {
    const round = await roundWithNotes(a.world, side(a.school));
    return status(a, 'PUT', '/api/dashboard/targets', {
      roundId: round.roundId,
      lookForId: 'learning-target-visible',
      scope: 'round',
      percent: 80,
    });
  },
  'GET /api/dashboard/evidence (a note not picked)': async (a) => {
    const round = await roundWithNotes(a.world, side(a.school));
    await pickNote(a.world, side(a.school), round, round.notes[0]!);
    return evidenceHolds(a, round.roundId, round.notes[1]!);
  },
  'GET /api/dashboard/evidence (a picked, trimmed note)': async (a) => {
    const round = await roundWithNotes(a.world, side(a.school));
    const pick = await pickNote(a.world, side(a.school), round, round.notes[0]!.slice(0, 12));
    return evidenceHolds(a, round.roundId, pick.text);
  },
  'GET /api/schools/:id/staff': (a) =>
    status(a, 'GET', `/api/schools/${schoolOf(a.world, a.school)}/staff`),
  'GET /api/visits/coaches': (a) => status(a, 'GET', '/api/visits/coaches'),

  'PULL observation': async (a) => {
    const w = a.world;
    const owner = a.record === 'own' && a.actor ? a.actor : w.teacherOf[side(a.school)];
    const o = build.observation(owner.id, schoolOf(w, a.school)!);
    await seed(owner.cookie, put('observation', o.id, o), w.server);
    return pulled(a, o.id);
  },
  'PULL protocol': async (a) => {
    const w = a.world;
    const p = build.protocol(schoolOf(w, a.school));
    const author = a.school === 'district' ? await actorFor(w, 'admin') : w.coachOf[side(a.school)];
    await seed(author!.cookie, put('protocol', key.protocol(p), p), w.server);
    return pulled(a, key.protocol(p));
  },
  'PULL round': async (a) => {
    const coach = a.world.coachOf[side(a.school)];
    const r = build.round(coach.id, schoolOf(a.world, a.school)!);
    await seed(coach.cookie, put('round', r.id, r), a.world.server);
    return pulled(a, r.id);
  },
  'PULL round-progress': async (a) => {
    const w = a.world;
    const coach = w.coachOf[side(a.school)];
    const schoolId = schoolOf(w, a.school)!;
    const r = build.round(coach.id, schoolId);
    await seed(coach.cookie, put('round', r.id, r), w.server);
    const o = {
      ...build.observation(coach.id, schoolId),
      roundId: r.id,
      roomId: 'room-101',
      status: 'complete' as const,
      endedAt: '2026-11-23T09:05:00.000Z',
    };
    await seed(coach.cookie, put('observation', o.id, o), w.server);
    return pulled(a, r.id);
  },
  'PULL visit': async (a) => {
    const w = a.world;
    const host = w.teacherOf[side(a.school)];
    const v = build.visit(host.id, schoolOf(w, a.school)!);
    await seed(host.cookie, put('visit', v.id, v), w.server);
    return pulled(a, v.id);
  },
  'PULL visit-note': async (a) => {
    const w = a.world;
    if (a.record === "other's") {
      const { noteId } = await sharedVisit(w);
      return pulled(a, noteId);
    }
    const author = a.actor?.id ?? w.teacherOf.A.id;
    const n = build.visitNote(author, w.schoolA);
    await storePlaced(w, 'visit-note', n.id, n, ownerOnly(author, w.schoolA));
    return pulled(a, n.id);
  },
  'PULL reflection': async (a) => {
    const w = a.world;
    const { visitId } = await sharedVisit(w);
    const r = { ...build.reflection(w.teacherOf.A.id), visitId };
    await seed(w.teacherOf.A.cookie, put('reflection', r.id, r), w.server);
    return pulled(a, r.id);
  },
  'PULL shared-note': async (a) => {
    if (a.record === "other's") {
      const { noteId } = await sharedVisit(a.world);
      return pulled(a, noteId);
    }
    const host = a.actor?.id ?? a.world.coachOf.A.id;
    const n = build.sharedNote(a.world.teacherOf.A.id, host);
    await storePlaced(a.world, 'shared-note', n.noteId, n, {
      ownerId: null,
      schoolId: a.world.schoolA,
      audience: 'owner',
      readerId: host,
    });
    return pulled(a, n.noteId);
  },
  ...photoAttempts,
  ...calibrationAttempts,
  ...pairAttempts,
};
