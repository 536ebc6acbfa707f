import type { ControlledTransaction, Kysely } from 'kysely';
import {
  OriginalResult,
  type Mutation,
  type PushRequest,
  type PushResult,
} from '../../shared/sync';
import type { Database } from '../db/schema';
import { isBusyError } from '../http/busy';
import type { Actor } from './access/actor';
import { PushBatch } from './batch/batch';
import {
  keptPayload,
  storableId,
  tooDeep,
  tooDeepMessage,
  unsafeId,
  unsafeIdMessage,
} from './batch/payload';
import { decideMutation, type Outcome } from './batch/decide-mutation';
import { flushBatch } from './batch/flush';
import { StoreCache } from './batch/store-cache';
import { findMutationResults, insertMutations, type MutationRow } from './repository';
import { noPushFeatures, type PushFeatures, type WriteHooks } from './write-hooks';

export interface PushContext {
  now: () => Date;
  actor: Actor;
  /** What other features write with each kept write (see `pushHooks` in app.ts). */
  hooks: WriteHooks;
  /** Other features' checks and record listeners (see `pushFeatures` in app.ts). */
  features?: PushFeatures;
  log?: (message: string, error: unknown) => void;
}

const couldNotStore = [
  { path: '(root)', message: 'The server could not store this change; it is kept for review' },
];

/**
 * Applies a batch in one transaction, set-based: it reads what the batch needs in a
 * few queries, decides every mutation in memory with the entities' checks and
 * policies, and writes the result in a few multi-row statements. A refused
 * mutation is kept as rejected with its raw payload and the rest still commit.
 *
 * If the writing itself fails (a row one store will not take), the batch is applied
 * again one mutation at a time, each in its own savepoint, so the one that fails is
 * rejected alone. A busy database (a lock timeout) fails the whole request instead:
 * the device keeps every change and retries.
 */
export async function applyPush(
  db: Kysely<Database>,
  request: PushRequest,
  context: PushContext,
): Promise<PushResult[]> {
  try {
    return await inTransaction(db, (trx) => applyTogether(trx, request.mutations, context));
  } catch (error) {
    if (isBusyError(error)) throw error;
    context.log?.('a push could not be written at once; applying it one mutation at a time', error);
    return inTransaction(db, (trx) => applyOneByOne(trx, request.mutations, context));
  }
}

type Trx = ControlledTransaction<Database>;

async function inTransaction<T>(db: Kysely<Database>, task: (trx: Trx) => Promise<T>): Promise<T> {
  const trx = await db.startTransaction().execute();
  try {
    const result = await task(trx);
    await trx.commit().execute();
    return result;
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
}

async function applyTogether(
  trx: Trx,
  mutations: readonly Mutation[],
  context: PushContext,
): Promise<PushResult[]> {
  const batch = new PushBatch(new StoreCache(trx), context.hooks, context.features);
  const decided = await decideAll(batch, mutations, context);
  const base = await flushBatch(trx, batch, decided.rows);
  return decided.results(base);
}

async function applyOneByOne(
  trx: Trx,
  mutations: readonly Mutation[],
  context: PushContext,
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (const [index, mutation] of mutations.entries()) {
    const name = `m${index}`;
    const savepoint = await trx.savepoint(name).execute();
    try {
      const batch = new PushBatch(new StoreCache(savepoint), context.hooks, context.features);
      const decided = await decideAll(batch, [mutation], context);
      const base = await flushBatch(savepoint, batch, decided.rows);
      results.push(...decided.results(base));
      await savepoint.releaseSavepoint(name).execute();
    } catch (error) {
      await savepoint.rollbackToSavepoint(name).execute();
      if (isBusyError(error)) throw error;
      context.log?.(`mutation ${mutation.mutationId} could not be stored`, error);
      const decided = settled([
        { kind: 'decided', mutation, outcome: refused, stamp: stampOf(context) },
      ]);
      await insertMutations(trx, decided.rows(0));
      results.push(...decided.results(0));
    }
  }
  return results;
}

const refused: Outcome = { status: 'rejected', errors: couldNotStore };
const stampOf = (context: PushContext) => context.now().toISOString();

type Entry =
  | { kind: 'decided'; mutation: Mutation; outcome: Outcome; stamp: string }
  | { kind: 'seen-before'; mutation: Mutation; original: OriginalResult }
  | { kind: 'seen-in-batch'; mutation: Mutation; index: number };

/** Decides every mutation of a batch in order; each kept mutation's writes join the batch. */
async function decideAll(batch: PushBatch, mutations: readonly Mutation[], context: PushContext) {
  const known = await findMutationResults(
    batch.store.db,
    mutations.map((m) => m.mutationId),
  );
  // An id no store can take is refused below, before anything asks the database about it.
  await batch.store.preload(
    mutations.filter((m) => !unsafeId(m)).map((m) => ({ entity: m.entity, entityId: m.entityId })),
  );
  const entries: Entry[] = [];
  const inBatch = new Map<string, number>();
  for (const mutation of mutations) {
    const stored = known.get(mutation.mutationId);
    const earlier = inBatch.get(mutation.mutationId);
    if (stored !== undefined) {
      // A retry after a lost answer: the original result, nothing applied twice.
      entries.push({
        kind: 'seen-before',
        mutation,
        original: OriginalResult.parse(JSON.parse(stored)),
      });
      continue;
    }
    if (earlier !== undefined) {
      entries.push({ kind: 'seen-in-batch', mutation, index: earlier });
      continue;
    }
    inBatch.set(mutation.mutationId, entries.length);
    const malformed = tooDeep(mutation)
      ? { path: 'data', message: tooDeepMessage }
      : unsafeId(mutation)
        ? { path: 'entityId', message: unsafeIdMessage }
        : null;
    if (malformed) {
      const errors = [malformed];
      entries.push({
        kind: 'decided',
        mutation,
        outcome: { status: 'rejected', errors },
        stamp: stampOf(context),
      });
      continue;
    }
    const refusal = await featureRefusal(batch, mutation, context);
    if (refusal) {
      entries.push({ kind: 'decided', mutation, outcome: refusal, stamp: stampOf(context) });
      continue;
    }
    const stage = batch.stage();
    let outcome: Outcome;
    try {
      outcome = await decideMutation(stage, mutation, context.now(), context.actor);
    } catch (error) {
      if (isBusyError(error)) throw error;
      context.log?.(`mutation ${mutation.mutationId} could not be decided`, error);
      outcome = refused;
    }
    if (outcome.status !== 'rejected') batch.absorb(stage.writes);
    entries.push({ kind: 'decided', mutation, outcome, stamp: stampOf(context) });
  }
  return settled(entries);
}

/** Results and stored mutation rows of decided entries, once the batch's first number is known. */
function settled(entries: readonly Entry[]) {
  const originalOf = (entry: Entry, base: number): OriginalResult => {
    if (entry.kind === 'seen-before') return entry.original;
    if (entry.kind === 'seen-in-batch') return originalOf(entries[entry.index]!, base);
    const { mutation, outcome } = entry;
    const mutationId = mutation.mutationId;
    switch (outcome.status) {
      case 'rejected':
        return {
          mutationId,
          status: 'rejected',
          errors: outcome.errors,
          ...(outcome.code ? { code: outcome.code } : {}),
        };
      case 'applied':
        return {
          mutationId,
          status: 'applied',
          rev: outcome.rev,
          serverSeq: base + outcome.ticket.n,
        };
      case 'conflict':
        return {
          mutationId,
          status: 'conflict',
          conflictId: outcome.conflictId,
          serverSeq: base + outcome.ticket.n,
          current: outcome.current,
        };
    }
  };
  return {
    results: (base: number): PushResult[] =>
      entries.map((entry) =>
        entry.kind === 'decided'
          ? originalOf(entry, base)
          : {
              mutationId: entry.mutation.mutationId,
              status: 'duplicate',
              original: originalOf(entry, base),
            },
      ),
    rows: (base: number): MutationRow[] =>
      entries.flatMap((entry) => {
        if (entry.kind !== 'decided') return [];
        // A feature check's refusal is not final: the device resends the same mutation.
        if (entry.outcome.status === 'rejected' && entry.outcome.code) return [];
        const { mutation, outcome, stamp } = entry;
        return [
          {
            mutationId: mutation.mutationId,
            clientId: mutation.clientId,
            clientSeq: mutation.clientSeq,
            entity: mutation.entity,
            entityId: storableId(mutation.entityId),
            status: outcome.status,
            result: originalOf(entry, base),
            // A refused change is kept whole for review; a kept one lives in its record.
            payload: outcome.status === 'rejected' ? keptPayload(mutation) : null,
            receivedAt: stamp,
          },
        ];
      }),
  };
}

/** The first refusal of another feature's check (photos a record names but the server lacks). */
async function featureRefusal(batch: PushBatch, mutation: Mutation, context: PushContext) {
  const checks = (context.features ?? noPushFeatures).checks;
  if (checks.length === 0) return null;
  const current = () => batch.record(mutation.entity, mutation.entityId);
  for (const check of checks) {
    const refusal = await check(batch.store.db, context.actor, mutation, current);
    if (refusal) return refusal;
  }
  return null;
}
