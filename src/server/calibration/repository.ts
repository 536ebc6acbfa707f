import { Observation } from '../../shared/observation';
import type { Queryable } from '../db/queryable';

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
  return rows.flatMap((row) => {
    const parsed = Observation.safeParse(row.data === null ? null : JSON.parse(row.data));
    return parsed.success ? [parsed.data] : [];
  });
}
