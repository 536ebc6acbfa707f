import type { CalibrationReport } from './answers/calibration';
import { calibrate, matchRooms, type CalibrationVisit } from './evidence/pairing';
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
      roomKey: o.roomId ?? `name:${o.room.trim().toLowerCase()}`,
      startedAt: o.startedAt,
      responses: o.responses,
      notes: o.notes,
    }));
  const rooms = matchRooms(visits);
  // Free text and quotes are read side by side, not scored.
  const lookFors = allLookFors(protocol).filter(
    (l) => l.response.kind !== 'text' && l.response.kind !== 'quote',
  );
  const results = calibrate(
    rooms,
    lookFors.map((l) => l.id),
  );
  const observer = (id: string) => nameOf.get(id) ?? 'A former team member';
  const observers = [...new Set(rooms.flatMap((r) => r.visits.map((v) => v.observerId)))];
  return {
    roundId: round.id,
    roundName: round.name,
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
          room: roomName.get(d.roomKey) ?? d.roomKey.replace(/^name:/, ''),
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
