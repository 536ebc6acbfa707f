import type { Queryable } from '../db/queryable';
import { inScope, type FactScope } from './scope';

// Only whole-block scopes reach here (see service.ts); the figures come from the cube.
const n = (v: unknown) => Number(v ?? 0);

/** Versions of the protocol that observations in scope used. */
export async function versionsInScope(db: Queryable, scope: FactScope): Promise<number[]> {
  const rows = await db
    .selectFrom('observation_visits')
    .select('protocol_version')
    .distinct()
    .where(inScope(scope))
    .execute();
  return rows.map((r) => n(r.protocol_version)).sort((a, b) => a - b);
}

/** Low-inference notes of the visits in scope, in a fixed order that reveals no visit order. */
export async function notesInScope(db: Queryable, scope: FactScope, limit: number) {
  const rows = await db
    .selectFrom('observation_visits')
    .select('notes')
    .where(inScope(scope))
    .where('notes', '<>', '')
    .orderBy('notes')
    .limit(limit)
    .execute();
  return rows.map((r) => r.notes);
}

/** Student-voice quotes of one look-for in scope, sorted, with no room or time. */
export async function quotesInScope(
  db: Queryable,
  scope: FactScope,
  lookForId: string,
  limit: number,
) {
  const rows = await db
    .selectFrom('observation_facts')
    .select('quote')
    .where(inScope(scope))
    .where('look_for_id', '=', lookForId)
    .where('has_quote', '=', 1)
    .orderBy('quote')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => (r.quote ? [r.quote] : []));
}
