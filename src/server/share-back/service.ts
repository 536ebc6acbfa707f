import type { RoundShareClock } from '../../shared/answers/share-back';
import type { Queryable } from '../db/queryable';
import { listSchools } from '../schools/repository';
import { byUrgency, roundClock } from './clocks';
import { closedRounds, readShareClockSettings, shareBackRows } from './repository';

/** The clocks of the closed rounds of some schools (every school for null), most urgent first. */
export async function clocksOf(
  db: Queryable,
  schoolIds: readonly string[] | null,
  now: Date,
  defaultTimeZone: string,
): Promise<RoundShareClock[]> {
  const rounds = await closedRounds(db, schoolIds);
  if (rounds.length === 0) return [];
  const [rows, settings, schools] = await Promise.all([
    shareBackRows(
      db,
      rounds.map((r) => r.id),
    ),
    readShareClockSettings(db, defaultTimeZone),
    listSchools(db),
  ]);
  const names = new Map(schools.map((s) => [s.id, s.name]));
  return rounds
    .map((r) => roundClock(r, names.get(r.schoolId) ?? '', rows.get(r.id), settings, now))
    .sort(byUrgency);
}
