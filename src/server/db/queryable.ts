import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** Anything that can run a query: the database, a transaction or a savepoint. */
export type Queryable = Kysely<Database> | Transaction<Database>;
