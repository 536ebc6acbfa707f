import { observationFacts } from '../../shared/aggregates/facts';
import type { Observation } from '../../shared/observation';
import { chunks } from '../db/chunks';
import type { Database } from '../db/schema';
import type { AppliedWrite, PushWrites } from '../sync/access/policy';
import type { Queryable } from '../sync/repository';
import { adjustTotals, type FactCounts } from './totals';

type VisitRow = Database['observation_visits'];
type FactRow = Database['observation_facts'];

/** The facts one observation leaves after a write: none for a draft, a deletion or a peer note. */
export interface StagedFacts {
  observationId: string;
  /** Whether the observation was stored before this push, so it may have facts to replace. */
  mayHaveFacts: boolean;
  visit: VisitRow | null;
  facts: FactRow[];
}

/**
 * Works out the dashboard facts of one observation write and stages them with the
 * push, so facts and record commit or roll back together. `data` is the
 * observation as its policy validated it: it is not parsed again.
 */
export async function recordFacts(
  tx: PushWrites,
  write: AppliedWrite,
  mayHaveFacts: boolean,
): Promise<void> {
  const none: StagedFacts = { observationId: write.entityId, mayHaveFacts, visit: null, facts: [] };
  const o = write.deleted ? null : (write.data as Observation);
  // A draft has no facts: skip the protocol lookup on every tap that syncs.
  if (!o || o.status !== 'complete') {
    if (mayHaveFacts) tx.facts(none);
    return;
  }
  const protocol = await tx.protocolVersion(o.protocolId, o.protocolVersion);
  const facts = protocol ? observationFacts(o, protocol) : null;
  if (!facts) {
    if (mayHaveFacts) tx.facts(none);
    return;
  }
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
  tx.facts({
    ...none,
    visit: { ...shared, notes: visit.notes },
    facts: facts.answers.map((a) => ({
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
    })),
  });
}

const COUNTED = ['seen', 'not_seen', 'na'];

/**
 * Writes a push's facts: the old facts of observations stored before are read and
 * deleted in one statement each, the new ones inserted many rows at a time, and the
 * day totals moved once per day and look-for by the batch's summed difference.
 */
export async function writeFacts(db: Queryable, staged: readonly StagedFacts[]): Promise<void> {
  if (staged.length === 0) return;
  const replaced = staged.filter((s) => s.mayHaveFacts).map((s) => s.observationId);
  const old: FactCounts[] = [];
  for (const ids of chunks(replaced, 500)) {
    old.push(
      ...(await db
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
        .where('observation_id', 'in', ids)
        .where('answer', 'in', COUNTED)
        .execute()),
    );
    await db.deleteFrom('observation_facts').where('observation_id', 'in', ids).execute();
    await db.deleteFrom('observation_visits').where('observation_id', 'in', ids).execute();
  }
  const visits = staged.flatMap((s) => (s.visit ? [s.visit] : []));
  const facts = staged.flatMap((s) => s.facts);
  for (const part of chunks(visits, 500)) {
    await db.insertInto('observation_visits').values(part).execute();
  }
  for (const part of chunks(facts, 500)) {
    await db.insertInto('observation_facts').values(part).execute();
  }
  const added = facts.filter((f) => COUNTED.includes(f.answer));
  await adjustTotals(db, [...old.map((c) => negate(c)), ...added]);
}

const negate = (c: FactCounts): FactCounts => ({
  ...c,
  seen: -Number(c.seen),
  not_seen: -Number(c.not_seen),
  na: -Number(c.na),
});
