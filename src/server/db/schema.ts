/**
 * Tables as Kysely sees them. Types are kept to what both SQLite and PostgreSQL
 * store the same way: text, integer, and JSON as text; booleans as 0/1.
 */
export interface CountersTable {
  name: string;
  value: number;
}

export interface RecordsTable {
  entity: string;
  entity_id: string;
  rev: number;
  deleted: number;
  data: string | null;
  server_seq: number;
  updated_at: string;
  updated_by: string;
}

export interface ConflictsTable {
  id: string;
  entity: string;
  entity_id: string;
  base_rev: number | null;
  data: string | null;
  deleted: number;
  mutation_id: string;
  client_id: string;
  created_at: string;
  resolved_at: string | null;
  server_seq: number;
}

export interface MutationsTable {
  mutation_id: string;
  client_id: string;
  client_seq: number;
  entity: string;
  entity_id: string;
  status: string;
  /** The original result, returned again for a replay. */
  result: string;
  /** The raw mutation, kept for rejected ones so nothing a user typed is lost. */
  payload: string | null;
  received_at: string;
}

export interface Database {
  counters: CountersTable;
  records: RecordsTable;
  conflicts: ConflictsTable;
  mutations: MutationsTable;
}
