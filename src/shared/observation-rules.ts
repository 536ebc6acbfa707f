import type { FieldIssue } from './errors';
import type { Observation } from './observation';
import { allLookFors, type Protocol } from './protocol';
import { isAnswered, responseProblem, type ResponseValue } from './response';

/**
 * Checks what the schema alone cannot: the pinned protocol version exists, and each
 * response names one of its look-fors with a value of the right kind.
 */
export function checkAgainstProtocol(
  observation: Pick<Observation, 'protocolId' | 'protocolVersion' | 'responses'>,
  protocol: Protocol | undefined,
): FieldIssue[] {
  if (!protocol) {
    return [
      {
        path: 'protocolId',
        message: `Unknown protocol ${observation.protocolId} v${observation.protocolVersion}`,
      },
    ];
  }
  if (protocol.status === 'draft') {
    return [{ path: 'protocolVersion', message: 'Observations use published protocols only' }];
  }
  const lookFors = new Map(allLookFors(protocol).map((l) => [l.id, l]));
  return Object.entries(observation.responses).flatMap(([id, value]): FieldIssue[] => {
    const lookFor = lookFors.get(id);
    if (!lookFor)
      return [{ path: `responses.${id}`, message: `Not a look-for of ${protocol.name}` }];
    const problem = responseProblem(lookFor.response, value);
    return problem ? [{ path: `responses.${id}`, message: problem }] : [];
  });
}

export function setResponse(
  observation: Observation,
  lookForId: string,
  response: ResponseValue | null,
): Observation {
  const responses = { ...observation.responses };
  if (response === null) delete responses[lookForId];
  else responses[lookForId] = response;
  return { ...observation, responses };
}

export function finishObservation(observation: Observation, now: Date): Observation {
  return { ...observation, status: 'complete', endedAt: now.toISOString() };
}

export function answeredCount(observation: Observation, protocol: Protocol): number {
  return allLookFors(protocol).filter((l) => isAnswered(observation.responses[l.id])).length;
}
