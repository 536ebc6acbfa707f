import { expect } from 'vitest';
import type { PushResponse } from '../../src/shared/sync';
import { build, put, type MatrixActor, type World } from './matrix-world';

/**
 * The calibration route's and the nudge list's attempts for the authorization matrix
 * (see matrix-attempts.ts).
 */

type School = 'own' | 'other' | 'district' | '-';
interface Attempt {
  world: World;
  actor: MatrixActor | null;
  school: School;
  record: string;
}
type Outcome = number | 'applied' | 'rejected' | 'sees' | 'hidden';

/**
 * A calibration round planned by a coach of the school. 'own': the actor is on its
 * team (a district admin, on no school's staff, cannot be); "other's": they are not.
 */
async function calibrationRound(a: Attempt, isAdmin: boolean): Promise<string> {
  const side = a.school === 'other' ? 'B' : 'A';
  const schoolId = side === 'B' ? a.world.schoolB : a.world.schoolA;
  const planner = a.world.coachOf[side];
  const onTeam = a.record === 'own' && a.actor !== null && !isAdmin;
  const round = {
    ...build.round(planner.id, schoolId),
    calibration: true,
    team: [
      { userId: planner.id, name: 'Planner' },
      ...(onTeam && a.actor ? [{ userId: a.actor.id, name: 'Actor' }] : []),
    ],
  };
  const mutation = put('round', round.id, round);
  const res = await a.world.server.app.request('/api/sync/push', {
    method: 'POST',
    headers: { cookie: planner.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: mutation.clientId, mutations: [mutation] }),
  });
  const [result] = ((await res.json()) as PushResponse).results;
  expect(result?.status, JSON.stringify(result)).toBe('applied');
  return round.id;
}

async function isDistrictAdmin(a: Attempt): Promise<boolean> {
  if (!a.actor) return false;
  const me = await a.world.server.app.request('/api/auth/me', {
    headers: { cookie: a.actor.cookie },
  });
  return ((await me.json()) as { user?: { districtAdmin?: boolean } }).user?.districtAdmin === true;
}

export const calibrationAttempts: Record<string, (a: Attempt) => Promise<Outcome>> = {
  'GET /api/calibration/:roundId': async (a) => {
    const id = await calibrationRound(a, await isDistrictAdmin(a));
    const res = await a.world.server.app.request(`/api/calibration/${id}`, {
      headers: a.actor ? { cookie: a.actor.cookie } : {},
    });
    return res.status;
  },
  'GET /api/schools/:id/nudges': async (a) => {
    const schoolId = a.school === 'other' ? a.world.schoolB : a.world.schoolA;
    const res = await a.world.server.app.request(`/api/schools/${schoolId}/nudges`, {
      headers: a.actor ? { cookie: a.actor.cookie } : {},
    });
    return res.status;
  },
  'PUT /api/schools/:id/nudges': async (a) => {
    const schoolId = a.school === 'other' ? a.world.schoolB : a.world.schoolA;
    const res = await a.world.server.app.request(`/api/schools/${schoolId}/nudges`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        ...(a.actor ? { cookie: a.actor.cookie } : {}),
      },
      body: JSON.stringify({ words: [{ phrase: 'super', suggestion: 'What did you see?' }] }),
    });
    return res.status;
  },
};
