import { defaultRetention, RetentionSettings } from '../../shared/retention';
import type { Queryable } from '../db/queryable';

/** Whether people may sign in with a password (on unless the district turned it off). */
export async function passwordsOn(db: Queryable): Promise<boolean> {
  const row = await db
    .selectFrom('district_settings')
    .select('value')
    .where('name', '=', 'passwords')
    .executeTakeFirst();
  return row?.value !== 'off';
}

export async function setPasswordsOn(db: Queryable, on: boolean, at: string, by: string) {
  await db.deleteFrom('district_settings').where('name', '=', 'passwords').execute();
  await db
    .insertInto('district_settings')
    .values({ name: 'passwords', value: on ? 'on' : 'off', updated_at: at, updated_by: by })
    .execute();
}

/** Every active person, for the list of who passwords-off would lock out. */
export async function activePeople(db: Queryable) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('deactivated_at', 'is', null)
    .orderBy('name')
    .execute();
}
/** How long each kind of data is kept: the district's choice, or the documented defaults. */
export async function retentionSettings(db: Queryable): Promise<RetentionSettings> {
  const row = await db
    .selectFrom('district_settings')
    .select('value')
    .where('name', '=', 'retention')
    .executeTakeFirst();
  if (!row) return defaultRetention;
  // A stored value that no longer fits the schema falls back to the defaults, never to "keep nothing".
  const parsed = RetentionSettings.safeParse(safeJson(row.value));
  return parsed.success ? parsed.data : defaultRetention;
}

export async function setRetentionSettings(
  db: Queryable,
  settings: RetentionSettings,
  at: string,
  by: string,
): Promise<void> {
  await db.deleteFrom('district_settings').where('name', '=', 'retention').execute();
  await db
    .insertInto('district_settings')
    .values({ name: 'retention', value: JSON.stringify(settings), updated_at: at, updated_by: by })
    .execute();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
