import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './schema';
import * as syncTables from './migrations/2026-11-23T00-00-sync-tables';
import * as accounts from './migrations/2026-11-23T01-00-accounts';
import * as recordOwners from './migrations/2026-11-23T02-00-record-owners';
import * as recordPlacement from './migrations/2026-11-23T03-00-record-placement';
import * as observationFacts from './migrations/2026-11-23T04-00-observation-facts';
import * as trustedDevices from './migrations/2026-11-30T00-00-trusted-devices';
import * as staffEvidence from './migrations/2026-11-30T01-00-staff-evidence';
import * as visitPeriods from './migrations/2026-11-30T01-30-visit-periods';
import * as emailOutbox from './migrations/2026-11-30T02-00-email-outbox';
import * as photos from './migrations/2026-11-30T03-00-photos';
import * as staffLifecycle from './migrations/2026-11-30T03-00-staff-lifecycle';
import * as resultTargets from './migrations/2026-11-30T03-40-result-targets';
import * as calibrationVisits from './migrations/2026-12-01T05-00-calibration-visits';
import * as schoolNudges from './migrations/2026-12-01T05-10-school-nudges';
import * as roundShareBack from './migrations/2026-12-01T04-00-round-share-back';
import * as emailAttachments from './migrations/2026-12-01T03-00-email-attachments';
import * as oneRoster from './migrations/2026-12-01T01-00-oneroster';

/** Timestamped migrations, in order. Add new ones; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
  '2026-11-23T00-00-sync-tables': syncTables,
  '2026-11-23T01-00-accounts': accounts,
  '2026-11-23T02-00-record-owners': recordOwners,
  '2026-11-23T03-00-record-placement': recordPlacement,
  '2026-11-23T04-00-observation-facts': observationFacts,
  '2026-11-30T00-00-trusted-devices': trustedDevices,
  '2026-11-30T01-00-staff-evidence': staffEvidence,
  '2026-11-30T01-30-visit-periods': visitPeriods,
  '2026-11-30T02-00-email-outbox': emailOutbox,
  '2026-11-30T03-00-photos': photos,
  '2026-11-30T03-00-staff-lifecycle': staffLifecycle,
  '2026-11-30T03-40-result-targets': resultTargets,
  '2026-12-01T05-00-calibration-visits': calibrationVisits,
  '2026-12-01T05-10-school-nudges': schoolNudges,
  '2026-12-01T04-00-round-share-back': roundShareBack,
  '2026-12-01T03-00-email-attachments': emailAttachments,
  '2026-12-01T01-00-oneroster': oneRoster,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the database up to date. With a PostgreSQL `schema` (other than the
 * default), Kysely keeps its bookkeeping tables there too and creates the schema
 * when it is missing; without it, it would look for them in the default schema.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: { schema?: string | undefined } = {},
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
