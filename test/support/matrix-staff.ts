import { expect } from 'vitest';
import { hashToken } from '../../src/server/auth/tokens';
import { markFailed, queueEmail } from '../../src/server/email/outbox';
import type { Attempt, Outcome } from './matrix-attempts';
import { actorFor, newMember, type World } from './matrix-world';

// How the staff directory, lifecycle and audit routes are tried in the authorization
// matrix. 'own' school is A, 'other' is B; "other's" record: a teacher of that school.

const schoolOf = (w: World, school: Attempt['school']) =>
  school === 'other' ? w.schoolB : w.schoolA;

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

/** As a district admin (not the actor), for setting the scene. */
async function asAdmin(w: World, method: string, path: string, body?: unknown) {
  const admin = (await actorFor(w, 'admin'))!;
  return w.server.app.request(path, {
    method,
    headers: { cookie: admin.cookie, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const teacherIn = async (a: Attempt) =>
  (await newMember(a.world.server, schoolOf(a.world, a.school), 'teacher')).id;

/** A teacher invite to the school of the attempt, made by a district admin; its id. */
async function teacherInvite(a: Attempt) {
  const res = await asAdmin(a.world, 'POST', '/api/admin/invites', {
    schoolId: schoolOf(a.world, a.school),
    role: 'teacher',
    email: `${crypto.randomUUID()}@district.example`,
  });
  expect(res.status).toBe(201);
  const { link } = (await res.json()) as { link: string };
  return hashToken(link.replace('/#/invite/', ''));
}

/** A message in the outbox that was given up, so "retry now" applies; its id. */
async function failedEmail(a: Attempt) {
  const db = a.world.server.db.db;
  const now = new Date();
  const id = await queueEmail(
    db,
    { kind: 'invite', to: 'someone@district.example', subject: 'S', text: 't', html: '<p>t</p>' },
    now,
  );
  await markFailed(db, id, 'connect ECONNREFUSED', null, now);
  return id;
}

export const staffAttempts: Record<string, (a: Attempt) => Promise<Outcome>> = {
  'GET /api/admin/emails': (a) => status(a, 'GET', '/api/admin/emails'),
  'POST /api/admin/emails/:id/retry': async (a) =>
    status(a, 'POST', `/api/admin/emails/${await failedEmail(a)}/retry`, {}),
  'GET /api/staff': (a) => status(a, 'GET', '/api/staff'),
  'POST /api/staff/:id/role': async (a) =>
    status(a, 'POST', `/api/staff/${await teacherIn(a)}/role`, {
      schoolId: schoolOf(a.world, a.school),
      role: 'coach',
    }),
  'POST /api/staff/:id/move': async (a) =>
    status(a, 'POST', `/api/staff/${await teacherIn(a)}/move`, {
      fromSchoolId: schoolOf(a.world, a.school),
      toSchoolId: a.school === 'other' ? a.world.schoolA : a.world.schoolB,
    }),
  'POST /api/staff/:id/deactivate': async (a) =>
    status(a, 'POST', `/api/staff/${await teacherIn(a)}/deactivate`, {}),
  'POST /api/staff/:id/reactivate': async (a) => {
    const id = await teacherIn(a);
    expect((await asAdmin(a.world, 'POST', `/api/staff/${id}/deactivate`, {})).status).toBe(200);
    return status(a, 'POST', `/api/staff/${id}/reactivate`, {});
  },
  'POST /api/staff/invites/:id/revoke': async (a) =>
    status(a, 'POST', `/api/staff/invites/${await teacherInvite(a)}/revoke`, {}),
  'POST /api/staff/invites/:id/resend': async (a) =>
    status(a, 'POST', `/api/staff/invites/${await teacherInvite(a)}/resend`, {}),
  'GET /api/auth/sign-in-options': (a) => status(a, 'GET', '/api/auth/sign-in-options'),
  'GET /api/settings/sign-in': (a) => status(a, 'GET', '/api/settings/sign-in'),
  'PUT /api/settings/sign-in': (a) =>
    status(a, 'PUT', '/api/settings/sign-in', { passwords: true }),
  'GET /api/settings/retention': (a) => status(a, 'GET', '/api/settings/retention'),
  'PUT /api/settings/retention': (a) =>
    status(a, 'PUT', '/api/settings/retention', {
      observationDays: 1_095,
      peerNoteDays: 365,
      photoDays: 365,
      auditDays: 1_095,
    }),
  'POST /api/staff/:id/erase': async (a) =>
    status(a, 'POST', `/api/staff/${await teacherIn(a)}/erase`, {}),
  'GET /api/audit': (a) => status(a, 'GET', '/api/audit'),
  'GET /api/audit/export.csv': (a) => status(a, 'GET', '/api/audit/export.csv'),
};
