// Where the dashboard seed's rows go: bulk inserts into SQLite or PostgreSQL.
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { VISIT_COLUMNS } from '../../src/server/dashboard/facts';
import { RECORD_COLUMNS } from '../../src/server/sync/repository';

export type Cell = string | number | null;

/** The columns of each seeded table, in insert order. */
export const seedColumns = {
  users: ['id', 'email', 'name', 'password_hash', 'district_admin', 'created_at'],
  schools: ['id', 'name', 'created_at'],
  records: RECORD_COLUMNS,
  observation_visits: VISIT_COLUMNS,
  observation_facts: [
    'observation_id',
    'look_for_id',
    'school_id',
    'round_id',
    'protocol_id',
    'protocol_version',
    'grade_band',
    'subject',
    'observed_on',
    'answer',
    'seen',
    'not_seen',
    'na',
    'level_id',
    'tally',
    'has_quote',
    'quote',
  ],
} as const;
export type SeedTable = keyof typeof seedColumns;

export interface SeedSink {
  insert: (table: SeedTable, row: Cell[]) => Promise<void>;
  /** Runs the closing statements, commits, refreshes the planner's statistics and closes. */
  finish: (statements: string[]) => Promise<void>;
}

/** SQLite: one transaction of prepared inserts, as fast as the file allows. */
export function sqliteSink(file: string): SeedSink {
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const statements = new Map(
    Object.entries(seedColumns).map(([table, columns]) => [
      table,
      db.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      ),
    ]),
  );
  db.exec('begin');
  return {
    insert: async (table, row) => {
      statements.get(table)!.run(...row);
    },
    finish: async (closing) => {
      closing.forEach((sql) => db.exec(sql));
      db.exec('commit');
      db.exec('analyze');
      db.close();
    },
  };
}

/** PostgreSQL: rows buffered per table and sent as multi-row inserts in one transaction. */
export async function postgresSink(url: string, schema: string): Promise<SeedSink> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  await client.query('begin');
  const buffers = new Map<SeedTable, Cell[][]>();
  const flush = async (table: SeedTable) => {
    const rows = buffers.get(table);
    if (!rows?.length) return;
    buffers.set(table, []);
    const columns = seedColumns[table];
    const params: Cell[] = [];
    const tuples = rows.map((row) => {
      const first = params.length;
      params.push(...row);
      return `(${row.map((_, j) => `$${first + j + 1}`).join(', ')})`;
    });
    await client.query(
      `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`,
      params,
    );
  };
  return {
    insert: async (table, row) => {
      const rows = buffers.get(table) ?? [];
      rows.push(row);
      buffers.set(table, rows);
      // Under PostgreSQL's 65,535 parameters per statement.
      if (rows.length * row.length >= 60_000) await flush(table);
    },
    finish: async (closing) => {
      for (const table of Object.keys(seedColumns) as SeedTable[]) await flush(table);
      for (const sql of closing) await client.query(sql);
      await client.query('commit');
      await client.query('analyze');
      await client.end();
    },
  };
}
