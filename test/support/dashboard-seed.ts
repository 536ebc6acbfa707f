import type { Observation } from '../../src/shared/observation';
import { protocolKey, type Protocol } from '../../src/shared/protocol';
import type { Round } from '../../src/shared/rounds';
import type { Mutation } from '../../src/shared/sync';
import { observation, protocol, putMutation, TEST_SCHOOL_ID, TEST_USER_ID } from './factories';

/**
 * A blast protocol of every response kind (the factory protocol, as a walkthrough):
 * checks-understanding (seen, section teacher-doing), wait-time (scale),
 * questions-asked (tally), grouping, tools-used (choices), noticing (text) and
 * student-voice (quote, section students-doing).
 */
export const walkProtocol = (overrides: Partial<Protocol> = {}): Protocol =>
  protocol({ id: 'school-walk', kind: 'blast_walkthrough', ...overrides });

export function protocolPut(clientId: string, p: Protocol): Mutation {
  return {
    ...putMutation(clientId, observation()),
    entity: 'protocol',
    entityId: protocolKey(p.id, p.version),
    data: p,
  };
}

export function round(overrides: Partial<Round> = {}): Round {
  const p = walkProtocol();
  return {
    id: crypto.randomUUID(),
    schoolId: TEST_SCHOOL_ID,
    name: 'Fall sweep',
    purpose: 'How often do students explain their thinking?',
    protocolId: p.id,
    protocolVersion: p.version,
    startsOn: '2026-10-05',
    endsOn: '2026-10-09',
    targetMinutes: 5,
    team: [{ userId: TEST_USER_ID, name: 'Coach Rivera' }],
    rooms: Array.from({ length: 30 }, (_, i) => ({
      id: `r${i + 1}`,
      room: `Room ${i + 1}`,
      gradeBand: '3-5' as const,
      subject: 'Math',
      assignedTo: null,
    })),
    status: 'closed',
    createdBy: TEST_USER_ID,
    updatedAt: '2026-10-01T08:00:00.000Z',
    ...overrides,
  };
}

export function roundPut(clientId: string, r: Round): Mutation {
  return { ...putMutation(clientId, observation()), entity: 'round', entityId: r.id, data: r };
}

/** A finished visit of the walk protocol in a round's room. */
export function visit(r: Round, room: number, overrides: Partial<Observation> = {}): Observation {
  return observation({
    schoolId: r.schoolId,
    protocolId: r.protocolId,
    protocolVersion: r.protocolVersion,
    roundId: r.id,
    roomId: `r${room}`,
    startedAt: `${r.startsOn}T09:00:00.000Z`,
    endedAt: `${r.startsOn}T09:05:00.000Z`,
    status: 'complete',
    responses: {},
    notes: '',
    ...overrides,
  });
}
