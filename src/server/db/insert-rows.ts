import { CompiledQuery } from 'kysely';
import { chunks } from './chunks';
import { isPostgres } from './dialect';
import type { Database } from './schema';
import type { Queryable } from './queryable';

/** Well under both stores' caps on bound parameters (SQLite 32,766; PostgreSQL 65,535). */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts many rows given as arrays in `columns` order, in as few statements as the
 * parameter cap allows. The hot writes of a push (thousands of facts) go through
 * here rather than Kysely's builder, which walks every value as a node: the text is
 * the same for every full chunk, so SQLite prepares it once. `tail` adds a clause
 * after the values (an upsert's `on conflict ...`).
 */
export async function insertRows<T extends keyof Database>(
  db: Queryable,
  table: T,
  columns: ReadonlyArray<keyof Database[T] & string>,
  rows: ReadonlyArray<readonly unknown[]>,
  tail = '',
): Promise<void> {
  if (rows.length === 0) return;
  const numbered = isPostgres(db);
  const names = columns.map((c) => `"${c}"`).join(', ');
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (const part of chunks(rows, perStatement)) {
    let n = 0;
    const tuples = part.map(
      () => `(${columns.map(() => (numbered ? `$${(n += 1)}` : '?')).join(', ')})`,
    );
    const text = `insert into "${table}" (${names}) values ${tuples.join(', ')}${tail ? ` ${tail}` : ''}`;
    await db.executeQuery(CompiledQuery.raw(text, part.flat()));
  }
}

/** `on conflict (keys) do update set c = excluded.c, ...` for an upsert with insertRows. */
export const replaceOnConflict = (keys: readonly string[], columns: readonly string[]) =>
  `on conflict (${keys.map((k) => `"${k}"`).join(', ')}) do update set ${columns
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ')}`;
