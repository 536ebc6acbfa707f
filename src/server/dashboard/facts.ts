import { observationFacts } from '../../shared/aggregates/facts';
import { Observation } from '../../shared/observation';
import type { AppliedWrite } from '../sync/access/policy';
import type { Queryable } from '../sync/repository';
import { findProtocolVersion } from '../sync/protocol-versions';
import { adjustTotals, type FactCounts } from './totals';

const BATCH = 100;

/**
 * Replaces the dashboard facts of one observation; called in the push savepoint,
 * so facts and record commit or roll back together. A deleted observation, or one
 * no longer complete, leaves no facts.
 */
export async function recordFacts(db: Queryable, write: AppliedWrite): Promise<void> {
  // The day totals follow the facts: the old counts go out, the new ones come in.
  await adjustTotals(db, await countsOf(db, write.entityId), -1);
  await replaceFacts(db, write);
  await adjustTotals(db, await countsOf(db, write.entityId), 1);
}

/** The seen / not seen / N/A facts of one observation. */
function countsOf(db: Queryable, observationId: string): Promise<FactCounts[]> {
  return db
    .selectFrom('observation_facts')
    .select([
      'school_id',
      'protocol_id',
      'round_id',
      'observed_on',
      'look_for_id',
      'seen',
      'not_seen',
      'na',
    ])
    .where('observation_id', '=', observationId)
    .where('answer', 'in', ['seen', 'not_seen', 'na'])
    .execute();
}

async function replaceFacts(db: Queryable, write: AppliedWrite): Promise<void> {
  await db.deleteFrom('observation_facts').where('observation_id', '=', write.entityId).execute();
  await db.deleteFrom('observation_visits').where('observation_id', '=', write.entityId).execute();
  if (write.deleted) return;
  const parsed = Observation.safeParse(write.data);
  if (!parsed.success) return;
  const o = parsed.data;
  // A draft has no facts: skip the protocol lookup on every tap that syncs.
  if (o.status !== 'complete') return;
  const protocol = await findProtocolVersion(db, o.protocolId, o.protocolVersion);
  const facts = protocol ? observationFacts(o, protocol) : null;
  if (!facts) return;
  const { visit } = facts;
  const shared = {
    observation_id: visit.observationId,
    school_id: visit.schoolId,
    round_id: visit.roundId,
    protocol_id: visit.protocolId,
    protocol_version: visit.protocolVersion,
    grade_band: visit.gradeBand,
    subject: visit.subject,
    observed_on: visit.observedOn,
  };
  await db
    .insertInto('observation_visits')
    .values({ ...shared, notes: visit.notes })
    .execute();
  const rows = facts.answers.map((a) => ({
    ...shared,
    look_for_id: a.lookForId,
    answer: a.answer,
    seen: a.seen,
    not_seen: a.notSeen,
    na: a.na,
    level_id: a.levelId,
    tally: a.tally,
    has_quote: a.quote ? 1 : 0,
    quote: a.quote,
  }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('observation_facts')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}
