import type { LookForTarget, TargetScope } from '../../shared/targets';
import type { Queryable } from '../db/queryable';

/** Where a target sits: a school's protocol, for one round or one school year. */
export interface TargetPlace {
  schoolId: string;
  protocolId: string;
  scope: TargetScope;
  /** The round id, or the school year ("2026-2027"). */
  scopeKey: string;
}

/**
 * A round's targets and its school year's, one entry per look-for that has either,
 * sorted by look-for id.
 */
export async function targetsOfRound(
  db: Queryable,
  place: { schoolId: string; protocolId: string; roundId: string; schoolYear: string },
): Promise<LookForTarget[]> {
  const rows = await db
    .selectFrom('result_targets')
    .select(['look_for_id', 'scope', 'percent'])
    .where('school_id', '=', place.schoolId)
    .where('protocol_id', '=', place.protocolId)
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'round'), eb('scope_key', '=', place.roundId)]),
        eb.and([eb('scope', '=', 'year'), eb('scope_key', '=', place.schoolYear)]),
      ]),
    )
    .orderBy('look_for_id')
    .execute();
  const byLookFor = new Map<string, LookForTarget>();
  for (const row of rows) {
    const target = byLookFor.get(row.look_for_id) ?? {
      lookForId: row.look_for_id,
      round: null,
      year: null,
    };
    if (row.scope === 'round') target.round = Number(row.percent);
    else target.year = Number(row.percent);
    byLookFor.set(row.look_for_id, target);
  }
  return [...byLookFor.values()];
}

export async function setTarget(
  db: Queryable,
  place: TargetPlace,
  lookForId: string,
  percent: number,
  by: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('result_targets')
    .values({
      school_id: place.schoolId,
      protocol_id: place.protocolId,
      look_for_id: lookForId,
      scope: place.scope,
      scope_key: place.scopeKey,
      percent,
      set_by: by,
      set_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['school_id', 'protocol_id', 'scope', 'scope_key', 'look_for_id'])
        .doUpdateSet({ percent, set_by: by, set_at: at }),
    )
    .execute();
}

export async function removeTarget(
  db: Queryable,
  place: TargetPlace,
  lookForId: string,
): Promise<void> {
  await db
    .deleteFrom('result_targets')
    .where('school_id', '=', place.schoolId)
    .where('protocol_id', '=', place.protocolId)
    .where('scope', '=', place.scope)
    .where('scope_key', '=', place.scopeKey)
    .where('look_for_id', '=', lookForId)
    .execute();
}
