import type { Observation } from '../observation';
import {
  matchRooms,
  PAIRING_WINDOW_MINUTES,
  roomNameKey,
  type CalibrationRoom,
  type CalibrationVisit,
} from './pairing';

/** The rooms a pair visited together with one protocol version. */
export interface PairedProtocol {
  protocolId: string;
  protocolVersion: number;
  rooms: CalibrationRoom[];
}

/** A colleague I named as calibration partner, and the rooms we have matched so far. */
export interface PartnerRooms {
  partnerId: string;
  rooms: number;
}

const names = (o: Observation, observerId: string, partnerId: string) =>
  o.observerId === observerId && o.calibrationPartnerId === partnerId;

/**
 * Whether an observation counts for the pair `a`–`b`: finished, outside any round,
 * and naming the other observer of the pair. A visit that names someone else (or
 * no one) never counts, so nobody's notes reach a colleague they did not choose.
 */
export function countsForPair(o: Observation, a: string, b: string): boolean {
  if (a === b || o.status !== 'complete' || o.roundId) return false;
  return names(o, a, b) || names(o, b, a);
}

/**
 * The rooms two observers who named each other visited together: per protocol
 * version (look-fors differ between versions), the visits to the same room (its
 * name, in any case and spacing) starting within the window (`matchRooms`). Each
 * matched room holds one visit of each: `a`'s naming `b` and `b`'s naming `a`.
 */
export function pairedRooms(
  observations: readonly Observation[],
  a: string,
  b: string,
  windowMinutes = PAIRING_WINDOW_MINUTES,
): PairedProtocol[] {
  const groups = new Map<
    string,
    { protocolId: string; protocolVersion: number; visits: CalibrationVisit[] }
  >();
  for (const o of observations) {
    if (!countsForPair(o, a, b)) continue;
    const key = `${o.protocolId}\u0000${o.protocolVersion}`;
    let group = groups.get(key);
    if (!group) {
      group = { protocolId: o.protocolId, protocolVersion: o.protocolVersion, visits: [] };
      groups.set(key, group);
    }
    group.visits.push({
      id: o.id,
      observerId: o.observerId,
      roomKey: roomNameKey(o.room),
      startedAt: o.startedAt,
      responses: o.responses,
      notes: o.notes,
    });
  }
  return [...groups.values()]
    .map((g) => ({
      protocolId: g.protocolId,
      protocolVersion: g.protocolVersion,
      rooms: matchRooms(g.visits, windowMinutes),
    }))
    .filter((p) => p.rooms.length > 0)
    .sort(
      (x, y) => x.protocolId.localeCompare(y.protocolId) || x.protocolVersion - y.protocolVersion,
    );
}

/** The colleagues `me` named on any visit outside a round, draft or finished. */
export function namedPartners(observations: readonly Observation[], me: string): string[] {
  const named = new Set<string>();
  for (const o of observations) {
    if (
      o.observerId === me &&
      !o.roundId &&
      o.calibrationPartnerId &&
      o.calibrationPartnerId !== me
    )
      named.add(o.calibrationPartnerId);
  }
  return [...named].sort();
}

/**
 * Everyone `me` named as calibration partner, with the rooms matched so far (0 until
 * the partner's visit naming `me` has arrived). No figure about anyone is made here.
 */
export function calibrationPartners(
  observations: readonly Observation[],
  me: string,
  windowMinutes = PAIRING_WINDOW_MINUTES,
): PartnerRooms[] {
  return namedPartners(observations, me).map((partnerId) => ({
    partnerId,
    rooms: pairedRooms(observations, me, partnerId, windowMinutes).reduce(
      (n, p) => n + p.rooms.length,
      0,
    ),
  }));
}
