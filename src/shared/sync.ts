import * as z from 'zod/mini';
import { ErrorCode, FieldIssue } from './errors';
import { Entity } from './entity-names';
import { isoDateTime } from './observation';

/** The most mutations one push may carry, and the most changes one pull returns. */
export const MAX_PUSH_MUTATIONS = 1000;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 200;
/** Request bodies over this size are refused with 413. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const Rev = z.int().check(z.positive());
const Seq = z.int().check(z.nonnegative());

export const Mutation = z.object({
  mutationId: z.uuid(),
  clientId: z.uuid(),
  clientSeq: Seq,
  entity: Entity,
  entityId: z.string().check(z.minLength(1), z.maxLength(64)),
  op: z.enum(['put', 'delete']),
  /** The server revision the edit started from; null for a record the server has never seen. */
  baseRev: z.nullable(Rev),
  /** Validated per entity on the server; a bad payload is rejected, never dropped. */
  data: z.unknown(),
  /** Device clock, for display only: ordering uses the server's sequence. */
  deviceTime: isoDateTime,
  /** Conflict siblings this edit settles (the user chose a version). */
  resolves: z.optional(z.array(z.uuid()).check(z.maxLength(100))),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z
  .object({
    clientId: z.uuid(),
    mutations: z.array(Mutation).check(z.minLength(1), z.maxLength(MAX_PUSH_MUTATIONS)),
  })
  .check(
    z.refine((r) => r.mutations.every((m) => m.clientId === r.clientId), {
      error: 'Every mutation must carry the clientId of the request',
      path: ['mutations'],
    }),
  );
export type PushRequest = z.infer<typeof PushRequest>;

export const RecordState = z.object({
  rev: Rev,
  deleted: z.boolean(),
  data: z.unknown(),
});
export type RecordState = z.infer<typeof RecordState>;

export const AppliedResult = z.object({
  mutationId: z.uuid(),
  status: z.literal('applied'),
  rev: Rev,
  serverSeq: Seq,
});
export const ConflictResult = z.object({
  mutationId: z.uuid(),
  status: z.literal('conflict'),
  conflictId: z.uuid(),
  serverSeq: Seq,
  /** The version the server keeps as current; the pushed one is kept as the sibling. */
  current: RecordState,
});
export const RejectedResult = z.object({
  mutationId: z.uuid(),
  status: z.literal('rejected'),
  errors: z.array(FieldIssue),
  /**
   * `photo_missing`: not a final answer. The record names a photo the server does not
   * hold; the device uploads it and pushes the same mutation again.
   */
  code: z.optional(ErrorCode),
});
export const OriginalResult = z.discriminatedUnion('status', [
  AppliedResult,
  ConflictResult,
  RejectedResult,
]);
export type OriginalResult = z.infer<typeof OriginalResult>;
export const DuplicateResult = z.object({
  mutationId: z.uuid(),
  status: z.literal('duplicate'),
  original: OriginalResult,
});
export const PushResult = z.discriminatedUnion('status', [
  AppliedResult,
  ConflictResult,
  RejectedResult,
  DuplicateResult,
]);
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.object({ results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;

export const RecordChange = z.object({
  kind: z.literal('record'),
  serverSeq: Seq,
  entity: Entity,
  entityId: z.string(),
  rev: Rev,
  deleted: z.boolean(),
  data: z.unknown(),
});
export type RecordChange = z.infer<typeof RecordChange>;

export const ConflictChange = z.object({
  kind: z.literal('conflict'),
  serverSeq: Seq,
  conflictId: z.uuid(),
  entity: Entity,
  entityId: z.string(),
  baseRev: z.nullable(Rev),
  data: z.unknown(),
  createdAt: isoDateTime,
  resolved: z.boolean(),
});
export type ConflictChange = z.infer<typeof ConflictChange>;

export const Change = z.discriminatedUnion('kind', [RecordChange, ConflictChange]);
export type Change = z.infer<typeof Change>;

export const PullQuery = z.object({
  cursor: z.pipe(z.string().check(z.regex(/^\d{1,15}$/)), z.transform(Number)),
  /**
   * The pulling device: records whose current version it pushed itself, word for word,
   * are left out (it holds them already, and learnt their revision from the push).
   */
  clientId: z.optional(z.uuid()),
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,4}$/)),
      z.pipe(z.transform(Number), z.int().check(z.gte(1), z.lte(MAX_PULL_LIMIT))),
    ),
  ),
});

export const PullResponse = z.object({
  changes: z.array(Change),
  cursor: Seq,
  hasMore: z.boolean(),
  /** The cursor cannot be served (the server's history was replaced): start again from 0. */
  reset: z.boolean(),
  /** The highest serverSeq the server could serve when it answered: how far a device has to go. */
  latest: z.optional(Seq),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** The most records a first look at the newest ones returns. */
export const MAX_RECENT_LIMIT = 500;

export const RecentQuery = z.object({
  limit: z.pipe(
    z.string().check(z.regex(/^\d{1,4}$/)),
    z.pipe(z.transform(Number), z.int().check(z.gte(1), z.lte(MAX_RECENT_LIMIT))),
  ),
});

/**
 * The newest records a person may read, newest first, for a device that holds none
 * yet: it shows them at once while the full pull runs. It moves no cursor; the pull
 * brings the same records again later in order.
 */
export const RecentResponse = z.object({ changes: z.array(RecordChange) });
export type RecentResponse = z.infer<typeof RecentResponse>;
