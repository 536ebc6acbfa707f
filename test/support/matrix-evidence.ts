import { expect } from 'vitest';
import type { StaffPick } from '../../src/shared/dashboard';
import { observation } from './factories';
import { build, put, type World } from './matrix-world';

/** A closed round of a school with five finished visits, each with a note of its own. */
export interface NotedRound {
  roundId: string;
  notes: string[];
}

/**
 * Plans a round in one school of the matrix world and walks five rooms (the fewest
 * the evidence panel shows), as that school's coach, through the real push.
 */
export async function roundWithNotes(w: World, side: 'A' | 'B'): Promise<NotedRound> {
  const coach = w.coachOf[side];
  const schoolId = side === 'A' ? w.schoolA : w.schoolB;
  const plan = {
    ...build.round(coach.id, schoolId),
    status: 'closed' as const,
    rooms: Array.from({ length: 5 }, (_, i) => ({
      id: `room-${i + 1}`,
      room: `${101 + i}`,
      gradeBand: '3-5' as const,
      subject: 'Math',
      assignedTo: null,
    })),
  };
  const notes = plan.rooms.map((_, i) => `Note ${i + 1} of ${plan.id}: pairs explained.`);
  const visits = plan.rooms.map((room, i) =>
    observation({
      observerId: coach.id,
      schoolId,
      roundId: plan.id,
      roomId: room.id,
      startedAt: '2026-11-23T09:00:00.000Z',
      endedAt: '2026-11-23T09:05:00.000Z',
      status: 'complete',
      notes: notes[i]!,
    }),
  );
  const mutations = [
    put('round', plan.id, plan),
    ...visits.map((v) => put('observation', v.id, v)),
  ];
  const { results } = await w.server.push(mutations[0]!.clientId, mutations, coach.cookie);
  expect(results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
  return { roundId: plan.id, notes };
}

/** The school's coach shares one note of the round with its staff; the pick. */
export async function pickNote(
  w: World,
  side: 'A' | 'B',
  round: NotedRound,
  text: string,
): Promise<StaffPick> {
  const res = await w.server.app.request('/api/dashboard/staff-evidence', {
    method: 'POST',
    headers: { cookie: w.coachOf[side].cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ roundId: round.roundId, kind: 'note', text }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as StaffPick;
}
