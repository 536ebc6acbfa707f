import type { Observation } from '../../shared/observation';
import { Round } from '../../shared/rounds';
import type { Queryable } from '../db/queryable';
import type { PushReads } from '../sync/access/policy';

/**
 * A calibration round sends two or more observers to the same room; the results count
 * the room once ("seen in x of n classrooms"). The first finished visit to reach the
 * server counts; the others keep their visit row, for calibration, and leave no facts.
 */

/** The room a finished visit of a calibration round counts for, or null for any other visit. */
export async function calibrationRoomOf(reads: PushReads, o: Observation): Promise<string | null> {
  if (o.status !== 'complete' || !o.roundId || !o.roomId) return null;
  const stored = await reads.record('round', o.roundId);
  if (!stored || stored.deleted) return null;
  const round = Round.safeParse(stored.data);
  return round.success && round.data.calibration === true ? o.roomId : null;
}

export const roomKeyOf = (roundId: string | null, room: string) => `${roundId ?? ''}\u0000${room}`;

/** Which of these rooms a stored visit already counts. */
export async function roomsCounted(
  db: Queryable,
  rooms: readonly { roundId: string | null; room: string }[],
): Promise<Set<string>> {
  const counted = new Set<string>();
  const roundIds = [...new Set(rooms.flatMap((r) => (r.roundId ? [r.roundId] : [])))];
  if (roundIds.length === 0) return counted;
  const rows = await db
    .selectFrom('observation_visits')
    .select(['round_id', 'room_key'])
    .where('counted', '=', 1)
    .where('round_id', 'in', roundIds)
    .where('room_key', 'in', [...new Set(rooms.map((r) => r.room))])
    .execute();
  for (const r of rows) if (r.room_key !== null) counted.add(roomKeyOf(r.round_id, r.room_key));
  return counted;
}
