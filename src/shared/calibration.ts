import type { AgreementReport, CalibrationReport, PairReport } from './answers/calibration';
import {
  calibrate,
  matchRooms,
  roomNameKey,
  type CalibrationRoom,
  type CalibrationVisit,
} from './evidence/pairing';
import { countsForPair, pairedRooms } from './evidence/pairs';
import type { Observation } from './observation';
import { allLookFors, type LookFor, type Protocol } from './protocol';
import type { ResponseValue } from './response';
import type { Round } from './rounds';

const seenWords: Record<string, string> = { seen: 'Seen', not_seen: 'Not seen', na: 'N/A' };

/** An answer as a person reads it beside the other observer's. */
export function answerText(lookFor: LookFor, value: ResponseValue | undefined): string {
  if (value === undefined) return 'No answer';
  if (typeof value === 'string') return seenWords[value] ?? value;
  const type = lookFor.response;
  if ('level' in value) {
    const levels = type.kind === 'scale' ? type.levels : [];
    return levels.find((l) => l.id === value.level)?.label ?? value.level;
  }
  if ('count' in value) return String(value.count);
  if ('choices' in value) {
    const options = type.kind === 'choice' ? type.options : [];
    const labels = value.choices.map((c) => options.find((o) => o.id === c)?.label ?? c);
    return labels.length > 0 ? labels.join(', ') : 'No choice';
  }
  return 'text' in value ? value.text : value.quote;
}

/**
 * Per look-for agreement over matched rooms, and every disagreement with the
 * observers' answers and notes: the part a round's and a pair's calibration share.
 * Free text and quotes are read side by side, not scored.
 */
export function agreementReport(
  protocol: Protocol,
  rooms: readonly CalibrationRoom[],
  observer: (observerId: string) => string,
  roomLabel: (roomKey: string) => string,
): AgreementReport {
  const lookFors = allLookFors(protocol).filter(
    (l) => l.response.kind !== 'text' && l.response.kind !== 'quote',
  );
  const results = calibrate(
    rooms,
    lookFors.map((l) => l.id),
  );
  const observers = [...new Set(rooms.flatMap((r) => r.visits.map((v) => v.observerId)))];
  return {
    rooms: rooms.length,
    observers: observers.map(observer).sort(),
    lookFors: results.map((result, i) => {
      const lookFor = lookFors[i]!;
      return {
        lookForId: result.lookForId,
        text: lookFor.text,
        rooms: result.agreement?.rooms ?? 0,
        percent: result.agreement?.percent ?? null,
        kappa: result.agreement?.kappa ?? null,
        method: result.agreement?.method ?? null,
        disagreements: result.disagreements.map((d) => ({
          room: roomLabel(d.roomKey),
          answers: d.answers.map((a) => ({
            observer: observer(a.observerId),
            answer: answerText(lookFor, a.value),
            notes: a.notes,
          })),
        })),
      };
    }),
  };
}

/**
 * The calibration of a round from its finished visits: rooms two or more team
 * members visited together, per look-for agreement and every disagreement with the
 * observers' answers and notes. Observers are named by the round's team list only
 * (the people calibrating know each other); no teacher appears and no one is ranked.
 */
export function calibrationReport(
  round: Round,
  protocol: Protocol,
  observations: readonly Observation[],
): CalibrationReport {
  const nameOf = new Map(round.team.map((t) => [t.userId, t.name]));
  const roomName = new Map(round.rooms.map((r) => [r.id, r.room]));
  const visits: CalibrationVisit[] = observations
    .filter((o) => o.roundId === round.id && o.status === 'complete')
    .map((o) => ({
      id: o.id,
      observerId: o.observerId,
      roomKey: o.roomId ?? roomNameKey(o.room),
      startedAt: o.startedAt,
      responses: o.responses,
      notes: o.notes,
    }));
  return {
    roundId: round.id,
    roundName: round.name,
    ...agreementReport(
      protocol,
      matchRooms(visits),
      (id) => nameOf.get(id) ?? 'A former team member',
      (key) => roomName.get(key) ?? key.replace(/^name:/, ''),
    ),
  };
}

/** Who a pair report names: the two observers, by the names their accounts carry. */
export interface Pair {
  me: string;
  partnerId: string;
  names: ReadonlyMap<string, string>;
}

/**
 * How two observers who named each other agreed, one report per protocol version
 * they used together (`pairedRooms`). Rooms are shown as the first visit wrote
 * them. Versions whose protocol cannot be found are left out.
 */
export function pairReport(
  pair: Pair,
  protocols: readonly Protocol[],
  observations: readonly Observation[],
): PairReport {
  const roomText = new Map<string, string>();
  const visits = observations.filter((o) => countsForPair(o, pair.me, pair.partnerId));
  for (const o of visits.sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    const key = roomNameKey(o.room);
    if (!roomText.has(key)) roomText.set(key, o.room.trim());
  }
  const observer = (id: string) => pair.names.get(id) ?? 'A former colleague';
  return {
    partnerId: pair.partnerId,
    partnerName: observer(pair.partnerId),
    protocols: pairedRooms(visits, pair.me, pair.partnerId).flatMap((paired) => {
      const protocol = protocols.find(
        (p) => p.id === paired.protocolId && p.version === paired.protocolVersion,
      );
      if (!protocol) return [];
      return [
        {
          protocolId: protocol.id,
          protocolVersion: protocol.version,
          protocolName: protocol.name,
          ...agreementReport(protocol, paired.rooms, observer, (key) => roomText.get(key) ?? key),
        },
      ];
    }),
  };
}
