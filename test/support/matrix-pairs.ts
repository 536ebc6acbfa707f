import { expect } from 'vitest';
import type { PushResponse } from '../../src/shared/sync';
import { build, put, type MatrixActor, type World } from './matrix-world';

/**
 * Calibration pairs outside rounds, for the authorization matrix (see
 * matrix-attempts.ts). 'own' record: the actor named the partner (and the partner
 * the actor, where the server lets them); "other's": two colleagues paired up and
 * the actor asks for one of them. 'other' school: the partner works in school B.
 */

type School = 'own' | 'other' | 'district' | '-';
interface Attempt {
  world: World;
  actor: MatrixActor | null;
  school: School;
  record: string;
}
type Outcome = number | 'applied' | 'rejected' | 'sees' | 'hidden';

/** A finished visit in school A's room 114 by `observerId`, naming `partnerId`. */
function pairedVisit(observerId: string, partnerId: string, schoolId: string) {
  return {
    ...build.observation(observerId, schoolId),
    room: '114',
    calibrationPartnerId: partnerId,
    status: 'complete' as const,
    endedAt: '2026-11-23T09:20:00.000Z',
  };
}

/** Pushes as `cookie`: the mutation's result, or the HTTP status when refused outright. */
async function pushAs(world: World, cookie: string | null, data: { id: string }) {
  const mutation = put('observation', data.id, data);
  const res = await world.server.app.request('/api/sync/push', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ clientId: mutation.clientId, mutations: [mutation] }),
  });
  if (res.status !== 200) return res.status;
  const [result] = ((await res.json()) as PushResponse).results;
  return result!.status === 'applied' ? 'applied' : 'rejected';
}

const get = (a: Attempt, path: string) =>
  a.world.server.app.request(path, { headers: a.actor ? { cookie: a.actor.cookie } : {} });

export const pairAttempts: Record<string, (a: Attempt) => Promise<Outcome>> = {
  'PUSH observation (calibration partner)': async (a) => {
    const partner = a.school === 'other' ? a.world.teacherOf.B : a.world.teacherOf.A;
    const me = a.actor?.id ?? a.world.coachOf.A.id;
    return pushAs(a.world, a.actor?.cookie ?? null, pairedVisit(me, partner.id, a.world.schoolA));
  },
  'GET /api/calibration/pairs/:partnerId': async (a) => {
    const w = a.world;
    const side = a.school === 'other' ? 'B' : 'A';
    const schoolId = side === 'B' ? w.schoolB : w.schoolA;
    const partner = w.teacherOf[side];
    if (a.record === "other's") {
      const coach = w.coachOf[side];
      expect(await pushAs(w, coach.cookie, pairedVisit(coach.id, partner.id, schoolId))).toBe(
        'applied',
      );
      expect(await pushAs(w, partner.cookie, pairedVisit(partner.id, coach.id, schoolId))).toBe(
        'applied',
      );
    } else if (a.actor) {
      // Refused when the actor is not on the school's staff; the partner's too.
      await pushAs(w, a.actor.cookie, pairedVisit(a.actor.id, partner.id, schoolId));
      await pushAs(w, partner.cookie, pairedVisit(partner.id, a.actor.id, schoolId));
    }
    return (await get(a, `/api/calibration/pairs/${partner.id}`)).status;
  },
  'GET /api/calibration/pairs': async (a) => (await get(a, '/api/calibration/pairs')).status,
  'GET /api/calibration/colleagues': async (a) =>
    (await get(a, '/api/calibration/colleagues')).status,
};
