import { blastEmpoweredLearning } from '../../src/shared/builtin-protocols';
import type { Observation } from '../../src/shared/observation';
import type { Mutation } from '../../src/shared/sync';

let counter = 0;

export function observation(overrides: Partial<Observation> = {}): Observation {
  counter += 1;
  return {
    id: crypto.randomUUID(),
    protocolId: blastEmpoweredLearning.id,
    protocolVersion: blastEmpoweredLearning.version,
    school: 'Lincoln Elementary',
    room: `Room ${100 + counter}`,
    gradeBand: '3-5',
    subject: 'Math',
    observer: 'Coach Rivera',
    startedAt: '2026-11-23T09:00:00.000Z',
    endedAt: null,
    responses: { 'learning-target-visible': 'seen', 'students-talk-to-peer': 'not_seen' },
    notes: 'Students at table 3 compared two strategies for 48 / 6.',
    status: 'draft',
    ...overrides,
  };
}

export function putMutation(
  clientId: string,
  record: Observation,
  overrides: Partial<Mutation> = {},
): Mutation {
  counter += 1;
  return {
    mutationId: crypto.randomUUID(),
    clientId,
    clientSeq: counter,
    entity: 'observation',
    entityId: record.id,
    op: 'put',
    baseRev: null,
    data: record,
    deviceTime: '2026-11-23T09:01:00.000Z',
    ...overrides,
  };
}
