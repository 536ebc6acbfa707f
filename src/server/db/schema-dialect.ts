import {
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type Kysely,
  type PostgresDialectConfig,
  type TableMetadata,
} from 'kysely';

/** A PostgreSQL schema name we are willing to put in a search_path. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * PostgreSQL confined to one schema. Kysely's own introspector reads the tables of
 * every schema, and a schema dropped while it runs (another server, another test)
 * makes that query fail; migrations only need to know about this one schema.
 */
export class SchemaDialect extends PostgresDialect {
  readonly #schema: string;

  constructor(config: PostgresDialectConfig, schema: string) {
    super(config);
    this.#schema = schema;
  }

  // Kysely hands its introspector a Kysely of any database.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    const schema = this.#schema;
    const getTables = async (): Promise<TableMetadata[]> => {
      const result = await sql<{ name: string; kind: string }>`
        select table_name as name, table_type as kind from information_schema.tables
        where table_schema = ${schema} order by table_name`.execute(db);
      return result.rows.map((r) => ({
        name: r.name,
        schema,
        isView: r.kind === 'VIEW',
        columns: [],
      }));
    };
    return {
      getSchemas: async () => {
        const result = await sql<{ name: string }>`
          select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(
          db,
        );
        return result.rows;
      },
      getTables,
      getMetadata: async () => ({ tables: await getTables() }),
    };
  }
}
