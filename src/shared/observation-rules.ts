import type { FieldIssue } from './errors';
import type { Observation } from './observation';
import type { Protocol, SeenResponse } from './protocol';

/** Checks what the schema alone cannot: the protocol exists and every response names one of its look-fors. */
export function checkAgainstProtocol(
  observation: Observation,
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
  const known = new Set(protocol.lookFors.map((l) => l.id));
  return Object.keys(observation.responses)
    .filter((id) => !known.has(id))
    .map((id) => ({ path: `responses.${id}`, message: `Not a look-for of ${protocol.name}` }));
}

export function setResponse(
  observation: Observation,
  lookForId: string,
  response: SeenResponse | null,
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
  return protocol.lookFors.filter((l) => observation.responses[l.id] !== undefined).length;
}
