import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/**
 * A better-sqlite3 connection that prepares each SQL text once: Kysely prepares
 * every query afresh, and a push runs the same few statements thousands of times.
 * Least recently used statements are dropped past `size`, since multi-row writes
 * make a text per row count.
 */
export function cachedStatements(
  database: SqliteDatabase.Database,
  size = 300,
): KyselySqliteDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= size) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
