import type { StaffPick } from '../../shared/dashboard';
import type { Queryable } from '../db/queryable';

export interface StoredPick extends StaffPick {
  schoolId: string;
  roundId: string;
}

const asKind = (kind: string): StaffPick['kind'] => (kind === 'quote' ? 'quote' : 'note');

/** The picks of a round, sorted by their text (never by who picked them or when). */
export async function picksOfRound(db: Queryable, roundId: string): Promise<StaffPick[]> {
  const rows = await db
    .selectFrom('staff_evidence')
    .select(['id', 'kind', 'look_for_id', 'text'])
    .where('round_id', '=', roundId)
    .orderBy('text')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: asKind(r.kind),
    lookForId: r.look_for_id,
    text: r.text,
  }));
}

export async function findPick(db: Queryable, id: string): Promise<StoredPick | null> {
  const row = await db
    .selectFrom('staff_evidence')
    .select(['id', 'school_id', 'round_id', 'kind', 'look_for_id', 'text'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        schoolId: row.school_id,
        roundId: row.round_id,
        kind: asKind(row.kind),
        lookForId: row.look_for_id,
        text: row.text,
      }
    : null;
}

/** The same text already picked for the same round (and look-for), if any. */
export async function samePick(
  db: Queryable,
  pick: Omit<StoredPick, 'id' | 'schoolId'>,
): Promise<StaffPick | null> {
  let query = db
    .selectFrom('staff_evidence')
    .select(['id', 'kind', 'look_for_id', 'text'])
    .where('round_id', '=', pick.roundId)
    .where('kind', '=', pick.kind)
    .where('text', '=', pick.text);
  query =
    pick.lookForId === null
      ? query.where('look_for_id', 'is', null)
      : query.where('look_for_id', '=', pick.lookForId);
  const row = await query.executeTakeFirst();
  return row
    ? { id: row.id, kind: asKind(row.kind), lookForId: row.look_for_id, text: row.text }
    : null;
}

export async function insertPick(
  db: Queryable,
  pick: StoredPick & { pickedBy: string; pickedAt: string },
): Promise<void> {
  await db
    .insertInto('staff_evidence')
    .values({
      id: pick.id,
      school_id: pick.schoolId,
      round_id: pick.roundId,
      kind: pick.kind,
      look_for_id: pick.lookForId,
      text: pick.text,
      picked_by: pick.pickedBy,
      picked_at: pick.pickedAt,
    })
    .execute();
}

export async function deletePick(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('staff_evidence').where('id', '=', id).execute();
}

/**
 * What a pick may be cut from: the notes of the round's finished visits in the
 * facts, or the quotes of one look-for there.
 */
export async function sourcesOfRound(
  db: Queryable,
  schoolId: string,
  roundId: string,
  lookForId: string | null,
): Promise<string[]> {
  if (lookForId === null) {
    const rows = await db
      .selectFrom('observation_visits')
      .select('notes')
      .where('school_id', '=', schoolId)
      .where('round_id', '=', roundId)
      .where('notes', '<>', '')
      .execute();
    return rows.map((r) => r.notes);
  }
  const rows = await db
    .selectFrom('observation_facts')
    .select('quote')
    .where('school_id', '=', schoolId)
    .where('round_id', '=', roundId)
    .where('look_for_id', '=', lookForId)
    .where('has_quote', '=', 1)
    .execute();
  return rows.flatMap((r) => (r.quote ? [r.quote] : []));
}
