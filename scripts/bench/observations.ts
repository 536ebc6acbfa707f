// Finished observations and push mutations, the same shape the capture screen writes.
import { blastEmpoweredLearning } from '../../src/shared/builtin-protocols';
import type { Observation } from '../../src/shared/observation';
import { allLookFors } from '../../src/shared/protocol';
import type { Mutation } from '../../src/shared/sync';

export const BENCH_USER_ID = '00000000-0000-4000-8000-0000000000be';
export const BENCH_SCHOOL_ID = '00000000-0000-4000-8000-0000000000b5';
export const benchProtocol = blastEmpoweredLearning;

/** A user id for the n-th bench client (load test). */
export const clientUserId = (n: number) =>
  `00000000-0000-4000-8000-${(0xc0000000 + n).toString(16).padStart(12, '0')}`;

/** A finished observation of the starter Blast Walkthrough, all on one school day. */
export function makeObservation(
  i: number,
  observerId = BENCH_USER_ID,
  schoolId = BENCH_SCHOOL_ID,
): Observation {
  const responses: Observation['responses'] = {};
  allLookFors(benchProtocol).forEach((l, j) => {
    responses[l.id] = (i + j) % 3 === 0 ? 'seen' : (i + j) % 3 === 1 ? 'not_seen' : 'na';
  });
  const minute = String(i % 60).padStart(2, '0');
  return {
    id: crypto.randomUUID(),
    protocolId: benchProtocol.id,
    protocolVersion: benchProtocol.version,
    observerId,
    schoolId,
    school: 'Lincoln Elementary',
    room: `Room ${100 + (i % 60)}`,
    gradeBand: '3-5',
    subject: 'Math',
    observer: 'Coach Rivera',
    startedAt: `2026-11-23T09:${minute}:00.000Z`,
    endedAt: `2026-11-23T09:${minute}:50.000Z`,
    responses,
    notes: 'Students at table 3 compared two strategies and explained them to a partner.',
    status: 'complete',
  };
}

/** New-record put mutations of `count` observations, numbered from `firstSeq`. */
export function makeMutations(
  clientId: string,
  count: number,
  options: { firstSeq?: number; observerId?: string; schoolId?: string } = {},
): Mutation[] {
  const first = options.firstSeq ?? 1;
  return Array.from({ length: count }, (_, i) => {
    const data = makeObservation(first + i, options.observerId, options.schoolId);
    return {
      mutationId: crypto.randomUUID(),
      clientId,
      clientSeq: first + i,
      entity: 'observation',
      entityId: data.id,
      op: 'put',
      baseRev: null,
      data,
      deviceTime: data.endedAt!,
    };
  });
}
