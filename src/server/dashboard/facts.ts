import { observationFacts } from '../../shared/aggregates/facts';
import type { Observation } from '../../shared/observation';
import { chunks } from '../db/chunks';
import { insertRows } from '../db/insert-rows';
import type { AppliedWrite, PushReads } from '../sync/access/policy';
import type { AfterWriteHook } from '../sync/write-hooks';
import type { Queryable } from '../db/queryable';
import { calibrationRoomOf, roomKeyOf, roomsCounted } from './calibration-rooms';
import { adjustTotals, TOTAL_COLUMNS, type FactCounts } from './totals';

/** The facts one observation leaves after a write: none for a draft, a deletion or a peer note. */
export interface StagedFacts {
  observationId: string;
  /** Whether the observation was stored before this push, so it may have facts to replace. */
  mayHaveFacts: boolean;
  facts: ReturnType<typeof observationFacts>;
  /** A calibration round's room: counted once however many observers visit it. */
  calibrationRoom: string | null;
}

/**
 * Works out the dashboard facts of one observation write. `data` is the observation
 * as its check and policy validated it: it is not parsed again.
 */
async function factsOf(
  reads: PushReads,
  write: AppliedWrite<Observation>,
): Promise<StagedFacts | null> {
  // The facts are replaced on every write; a new record has none to replace.
  const mayHaveFacts = write.previous !== null;
  const o = write.deleted ? null : write.data;
  // A draft has no facts: skip the protocol lookup on every tap that syncs.
  const protocol =
    o?.status === 'complete' ? await reads.protocolVersion(o.protocolId, o.protocolVersion) : null;
  const facts = o && protocol ? observationFacts(o, protocol) : null;
  // A new observation without facts leaves nothing to write or take away.
  if (!facts && !mayHaveFacts) return null;
  const calibrationRoom = o && facts ? await calibrationRoomOf(reads, o) : null;
  return { observationId: write.entityId, mayHaveFacts, facts, calibrationRoom };
}

/**
 * The dashboard's facts of every observation a push writes, staged with the push
 * and written in its transaction, so facts and record commit or roll back together.
 * Registered with the push in `src/server/app.ts`.
 */
export const dashboardFactsHook: AfterWriteHook<'observation'> = {
  entity: 'observation',
  begin() {
    /** Facts to write, the last per observation, in the order they were kept. */
    const kept = new Map<string, StagedFacts>();
    return {
      async stage(reads, write) {
        const staged = await factsOf(reads, write);
        if (!staged) return null;
        return () => {
          // Facts stored before the push must still go if any earlier write in it saw them.
          const earlier = kept.get(staged.observationId);
          kept.delete(staged.observationId);
          kept.set(staged.observationId, {
            ...staged,
            mayHaveFacts: staged.mayHaveFacts || !!earlier?.mayHaveFacts,
          });
        };
      },
      flush: (db) => writeFacts(db, [...kept.values()]),
    };
  },
};

/** What a visit and each of its facts share: where and when, never who. */
const VISIT_KEY_COLUMNS = [
  'observation_id',
  'school_id',
  'round_id',
  'protocol_id',
  'protocol_version',
  'grade_band',
  'subject',
  'observed_on',
] as const;

/** The visits' columns, in insert order (the benchmark's seed writes the same). */
export const VISIT_COLUMNS = [...VISIT_KEY_COLUMNS, 'notes'] as const;
/** What a push writes besides: a calibration visit's room, and whether the results count it. */
const CALIBRATION_COLUMNS = ['room_key', 'counted'] as const;

const FACT_COLUMNS = [
  ...VISIT_KEY_COLUMNS,
  'look_for_id',
  'answer',
  'seen',
  'not_seen',
  'na',
  'level_id',
  'tally',
  'has_quote',
  'quote',
] as const;

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
        .select(TOTAL_COLUMNS)
        .where('observation_id', 'in', ids)
        .where('answer', 'in', COUNTED)
        .execute()),
    );
    await db.deleteFrom('observation_facts').where('observation_id', 'in', ids).execute();
    await db.deleteFrom('observation_visits').where('observation_id', 'in', ids).execute();
  }
  const visits: unknown[][] = [];
  const facts: unknown[][] = [];
  const added: FactCounts[] = [];
  const counted = await roomsCounted(
    db,
    staged.flatMap((s) =>
      s.facts && s.calibrationRoom
        ? [{ roundId: s.facts.visit.roundId, room: s.calibrationRoom }]
        : [],
    ),
  );
  for (const { facts: f, calibrationRoom } of staged) {
    if (!f) continue;
    const v = f.visit;
    const room = calibrationRoom === null ? null : roomKeyOf(v.roundId, calibrationRoom);
    // A calibration room another visit already counts keeps this visit, without facts.
    const counts = room === null || !counted.has(room);
    if (room !== null && counts) counted.add(room);
    const shared = [
      v.observationId,
      v.schoolId,
      v.roundId,
      v.protocolId,
      v.protocolVersion,
      v.gradeBand,
      v.subject,
      v.observedOn,
    ];
    visits.push([...shared, v.notes, calibrationRoom, counts ? 1 : 0]);
    if (!counts) continue;
    for (const a of f.answers) {
      facts.push([
        ...shared,
        a.lookForId,
        a.answer,
        a.seen,
        a.notSeen,
        a.na,
        a.levelId,
        a.tally,
        a.quote ? 1 : 0,
        a.quote,
      ]);
      if (COUNTED.includes(a.answer)) {
        added.push({
          school_id: v.schoolId,
          protocol_id: v.protocolId,
          round_id: v.roundId,
          observed_on: v.observedOn,
          look_for_id: a.lookForId,
          seen: a.seen,
          not_seen: a.notSeen,
          na: a.na,
        });
      }
    }
  }
  await insertRows(db, 'observation_visits', [...VISIT_COLUMNS, ...CALIBRATION_COLUMNS], visits);
  await insertRows(db, 'observation_facts', FACT_COLUMNS, facts);
  await adjustTotals(db, [...old.map((c) => negate(c)), ...added]);
}

const negate = (c: FactCounts): FactCounts => ({
  ...c,
  seen: -Number(c.seen),
  not_seen: -Number(c.not_seen),
  na: -Number(c.na),
});
