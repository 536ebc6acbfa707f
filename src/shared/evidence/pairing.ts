import type { ResponseValue } from '../response';
import { agreementOf, type Agreement } from './agreement';

/** One observer's record of one room, as calibration reads it. */
export interface CalibrationVisit {
  id: string;
  observerId: string;
  /** Which room: the round's room id, or the room's name for a pairing outside rounds. */
  roomKey: string;
  startedAt: string;
  responses: Record<string, ResponseValue>;
  notes: string;
}

/** Two or more observers' records of the same room at the same time. */
export interface CalibrationRoom {
  roomKey: string;
  visits: CalibrationVisit[];
}

/**
 * The key of a room known by its name: case and spacing do not matter
 * ("Room  12" and "room 12" are one room).
 */
export const roomNameKey = (room: string): string =>
  `name:${room.trim().replace(/\s+/g, ' ').toLowerCase()}`;

/** Visits to one room starting this close together are one shared visit. */
export const PAIRING_WINDOW_MINUTES = 30;

/**
 * Matches observers' visits to the same room in the same window. Visits are taken in
 * start order; a visit joins the open group of its room when it starts within the
 * window of that group's first visit and its observer is not in the group yet.
 * Only groups with at least two observers are rooms to calibrate on.
 */
export function matchRooms(
  visits: readonly CalibrationVisit[],
  windowMinutes = PAIRING_WINDOW_MINUTES,
): CalibrationRoom[] {
  const windowMs = windowMinutes * 60_000;
  const sorted = [...visits].sort(
    (a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.id.localeCompare(b.id),
  );
  const open = new Map<string, { first: number; room: CalibrationRoom }>();
  const rooms: CalibrationRoom[] = [];
  for (const visit of sorted) {
    const at = Date.parse(visit.startedAt);
    const group = open.get(visit.roomKey);
    if (
      group &&
      at - group.first <= windowMs &&
      !group.room.visits.some((v) => v.observerId === visit.observerId)
    ) {
      group.room.visits.push(visit);
      continue;
    }
    const room: CalibrationRoom = { roomKey: visit.roomKey, visits: [visit] };
    open.set(visit.roomKey, { first: at, room });
    rooms.push(room);
  }
  return rooms.filter((r) => r.visits.length >= 2);
}

/**
 * The answer as calibration compares it, or null when it cannot be compared
 * (unanswered, or free text and quotes, which are read side by side instead).
 */
export function agreementLabel(value: ResponseValue | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  if ('level' in value) return `level:${value.level}`;
  if ('count' in value) return `count:${value.count}`;
  if ('choices' in value) return `choices:${[...value.choices].sort().join('|')}`;
  return null;
}

export interface Disagreement {
  roomKey: string;
  answers: { observerId: string; value: ResponseValue | undefined; notes: string }[];
}

export interface LookForAgreement {
  lookForId: string;
  agreement: Agreement | null;
  disagreements: Disagreement[];
}

/**
 * Per look-for: how often the observers agreed across the rooms where every observer
 * of the room answered it, and each room where they did not, with both notes beside
 * the answers for a calibration conversation. No teacher appears, and no observer is
 * ranked: the figures are about the look-for.
 */
export function calibrate(
  rooms: readonly CalibrationRoom[],
  lookForIds: readonly string[],
): LookForAgreement[] {
  return lookForIds.map((lookForId) => {
    const rated: string[][] = [];
    const disagreements: Disagreement[] = [];
    for (const room of rooms) {
      const labels = room.visits.map((v) => agreementLabel(v.responses[lookForId]));
      if (labels.some((l) => l === null)) continue;
      const known = labels as string[];
      rated.push(known);
      if (new Set(known).size > 1) {
        disagreements.push({
          roomKey: room.roomKey,
          answers: room.visits.map((v) => ({
            observerId: v.observerId,
            value: v.responses[lookForId],
            notes: v.notes,
          })),
        });
      }
    }
    const sameSize = rated.filter((r) => r.length === (rated[0]?.length ?? 0));
    return { lookForId, agreement: agreementOf(sameSize), disagreements };
  });
}
