import { randomBytes } from 'node:crypto';
import { dropRunSchemas } from './pg-test-schemas';
import { postgresUrl } from './test-db';

/**
 * Names this run's PostgreSQL test schemas (the test processes inherit the variable)
 * and drops them all at the end, so runs side by side never touch each other's.
 */
export default function setup(): () => Promise<void> {
  process.env.LOOKFOR_TEST_RUN ??= randomBytes(4).toString('hex');
  return () => dropRunSchemas(postgresUrl);
}
