import { NudgeList, STARTER_NUDGES } from '../../shared/evidence/nudges';
import type { Queryable } from '../db/queryable';

/** A school's judgement words: its own list, or the starter list while it has none. */
export async function nudgesOf(
  db: Queryable,
  schoolId: string,
): Promise<{ words: NudgeList; custom: boolean }> {
  const row = await db
    .selectFrom('school_nudges')
    .select('words')
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  const parsed = row ? NudgeList.safeParse(JSON.parse(row.words)) : null;
  return parsed?.success
    ? { words: parsed.data, custom: true }
    : { words: STARTER_NUDGES, custom: false };
}

/** Stores a school's own list (an empty list turns the nudges off). */
export async function setNudges(
  db: Queryable,
  schoolId: string,
  words: NudgeList,
  by: string,
  at: string,
): Promise<void> {
  const json = JSON.stringify(words);
  await db
    .insertInto('school_nudges')
    .values({ school_id: schoolId, words: json, updated_by: by, updated_at: at })
    .onConflict((oc) =>
      oc.column('school_id').doUpdateSet({ words: json, updated_by: by, updated_at: at }),
    )
    .execute();
}
