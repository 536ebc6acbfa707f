import type { Observation } from './observation';
import { allLookFors, type Protocol } from './protocol';

export interface LookForTrend {
  lookForId: string;
  /** Wording from the newest version that has this look-for. */
  text: string;
  /** Versions of the protocol in which the look-for appears, oldest first. */
  versions: number[];
  seen: number;
  /** Classrooms where it was answered seen or not seen (N/A and blanks do not count). */
  observed: number;
  share: number | null;
}

/**
 * The share of classrooms where each seen-type look-for was seen, across every
 * version of one protocol. Look-fors are keyed by id, so rewording a look-for in a
 * new version keeps one line, and a look-for removed later keeps its history.
 */
export function seenTrend(
  protocolId: string,
  observations: readonly Observation[],
  findProtocol: (id: string, version: number) => Protocol | undefined,
): LookForTrend[] {
  const rows = new Map<string, LookForTrend & { newest: number }>();
  for (const observation of observations) {
    if (observation.protocolId !== protocolId || observation.status !== 'complete') continue;
    const protocol = findProtocol(observation.protocolId, observation.protocolVersion);
    if (!protocol) continue;
    for (const lookFor of allLookFors(protocol)) {
      if (lookFor.response.kind !== 'seen') continue;
      const row = rows.get(lookFor.id) ?? {
        lookForId: lookFor.id,
        text: lookFor.text,
        versions: [],
        seen: 0,
        observed: 0,
        share: null,
        newest: 0,
      };
      if (protocol.version > row.newest) {
        row.newest = protocol.version;
        row.text = lookFor.text;
      }
      if (!row.versions.includes(protocol.version)) row.versions.push(protocol.version);
      const answer = observation.responses[lookFor.id];
      if (answer === 'seen') row.seen += 1;
      if (answer === 'seen' || answer === 'not_seen') row.observed += 1;
      rows.set(lookFor.id, row);
    }
  }
  return [...rows.values()].map(({ newest: _newest, ...row }) => ({
    ...row,
    versions: [...row.versions].sort((a, b) => a - b),
    share: row.observed === 0 ? null : row.seen / row.observed,
  }));
}
