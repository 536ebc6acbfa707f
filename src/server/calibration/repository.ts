import { Observation } from '../../shared/observation';
import type { Queryable } from '../db/queryable';

const parseRows = (rows: readonly { data: string | null }[]): Observation[] =>
  rows.flatMap((row) => {
    const parsed = Observation.safeParse(row.data === null ? null : JSON.parse(row.data));
    return parsed.success ? [parsed.data] : [];
  });

/** The finished visits of a round, as their observers wrote them. */
export async function finishedVisitsOfRound(
  db: Queryable,
  roundId: string,
): Promise<Observation[]> {
  const rows = await db
    .selectFrom('observation_visits as v')
    .innerJoin('records as r', (join) =>
      join.onRef('r.entity_id', '=', 'v.observation_id').on('r.entity', '=', 'observation'),
    )
    .select('r.data')
    .where('v.round_id', '=', roundId)
    .where('r.deleted', '=', 0)
    .execute();
  return parseRows(rows);
}

/**
 * Observations of `ownerIds` whose stored text mentions `text` (a user id, or the
 * partner field's name). A coarse filter in SQL: callers keep only what the pair
 * rules accept (`countsForPair`, `namedPartners`).
 */
async function observationsMentioning(
  db: Queryable,
  ownerIds: readonly string[],
  text: string,
): Promise<Observation[]> {
  if (ownerIds.length === 0) return [];
  const rows = await db
    .selectFrom('records')
    .select('data')
    .where('entity', '=', 'observation')
    .where('deleted', '=', 0)
    .where('owner_id', 'in', [...ownerIds])
    .where('data', 'like', `%${text}%`)
    .execute();
  return parseRows(rows).filter((o) => ownerIds.includes(o.observerId));
}

/** My observations that name a calibration partner. */
export const observationsNamingPartners = (db: Queryable, me: string) =>
  observationsMentioning(db, [me], 'calibrationPartnerId');

/** The observations of these colleagues that may name `me`. */
export const colleaguesObservationsNaming = (
  db: Queryable,
  colleagueIds: readonly string[],
  me: string,
) => observationsMentioning(db, colleagueIds, me);

/** Account names by user id, for naming the two observers of a pair. */
export async function namesOf(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The active staff of these schools, by name, except `me`: who `me` may calibrate with. */
export async function colleaguesOf(db: Queryable, schoolIds: readonly string[], me: string) {
  if (schoolIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.school_id as schoolId', 'users.id as id', 'users.name as name'])
    .where('memberships.school_id', 'in', [...schoolIds])
    .where('users.deactivated_at', 'is', null)
    .where('users.id', '!=', me)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  return rows;
}
