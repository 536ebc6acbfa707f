import type { Round } from '../../shared/rounds';
import { ShareClockSettings, defaultShareClockSettings } from '../../shared/share-back';
import { roundsOf } from '../dashboard/scopes';
import type { Queryable } from '../db/queryable';

export interface ShareBackRow {
  roundId: string;
  schoolId: string;
  closedAt: string | null;
  sharedAt: string | null;
}

/** The closed rounds of some schools (every school for null), planned rounds left out. */
export async function closedRounds(
  db: Queryable,
  schoolIds: readonly string[] | null,
): Promise<Round[]> {
  return (await roundsOf(db, schoolIds)).filter((round) => round.status === 'closed');
}

/** The share-back rows of these rounds, by round id. */
export async function shareBackRows(
  db: Queryable,
  roundIds: readonly string[],
): Promise<Map<string, ShareBackRow>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('round_share_back')
    .select(['round_id', 'school_id', 'closed_at', 'shared_at'])
    .where('round_id', 'in', [...roundIds])
    .execute();
  return new Map(
    rows.map((r) => [
      r.round_id,
      { roundId: r.round_id, schoolId: r.school_id, closedAt: r.closed_at, sharedAt: r.shared_at },
    ]),
  );
}

/** Records (or clears, with null) when a round was closed; its sharing is kept. */
export async function setClosedAt(
  db: Queryable,
  rows: readonly { roundId: string; schoolId: string; closedAt: string | null }[],
): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('round_share_back')
      .values({
        round_id: row.roundId,
        school_id: row.schoolId,
        closed_at: row.closedAt,
        shared_at: null,
        shared_by: null,
      })
      .onConflict((oc) => oc.column('round_id').doUpdateSet({ closed_at: row.closedAt }))
      .execute();
  }
}

/**
 * Records the first sharing of a round's summary; a later share leaves it as it was.
 * `closedAt` fills a round closed before the clock existed. Answers when it was shared.
 */
export async function recordShared(
  db: Queryable,
  row: { roundId: string; schoolId: string; closedAt: string; at: string; by: string },
): Promise<string> {
  await db
    .insertInto('round_share_back')
    .values({
      round_id: row.roundId,
      school_id: row.schoolId,
      closed_at: row.closedAt,
      shared_at: null,
      shared_by: null,
    })
    .onConflict((oc) => oc.column('round_id').doNothing())
    .execute();
  await db
    .updateTable('round_share_back')
    .set({ shared_at: row.at, shared_by: row.by })
    .where('round_id', '=', row.roundId)
    .where('shared_at', 'is', null)
    .execute();
  const stored = await db
    .selectFrom('round_share_back')
    .select('shared_at')
    .where('round_id', '=', row.roundId)
    .executeTakeFirstOrThrow();
  return stored.shared_at ?? row.at;
}

/** The district's share-back settings, or the defaults (two school days, no days off). */
export async function readShareClockSettings(
  db: Queryable,
  defaultTimeZone: string,
): Promise<ShareClockSettings> {
  const row = await db
    .selectFrom('district_settings')
    .select('value')
    .where('name', '=', 'share-clock')
    .executeTakeFirst();
  if (!row) return defaultShareClockSettings(defaultTimeZone);
  let stored: unknown = null;
  try {
    stored = JSON.parse(row.value);
  } catch {
    stored = null;
  }
  const parsed = ShareClockSettings.safeParse(stored);
  return parsed.success ? parsed.data : defaultShareClockSettings(defaultTimeZone);
}

export async function writeShareClockSettings(
  db: Queryable,
  settings: ShareClockSettings,
  at: string,
  by: string,
): Promise<void> {
  await db.deleteFrom('district_settings').where('name', '=', 'share-clock').execute();
  await db
    .insertInto('district_settings')
    .values({
      name: 'share-clock',
      value: JSON.stringify(settings),
      updated_at: at,
      updated_by: by,
    })
    .execute();
}
