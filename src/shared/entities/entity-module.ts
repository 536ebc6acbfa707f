import type * as z from 'zod/mini';
import type { Entity } from '../entity-names';
import type { FieldIssue } from '../errors';
import type { Protocol } from '../protocol';

export interface EntityContext {
  /** A protocol version: the starter library first, then stored versions. */
  findProtocol: (id: string, version: number) => Promise<Protocol | undefined>;
  /** The stored data of the record being written, if any. */
  current: unknown;
}

/** A record's data as the check accepted it (parsed, so trimmed), or the reasons it is refused. */
export type EntityCheck<T = unknown> = { ok: true; data: T } | { ok: false; errors: FieldIssue[] };

/**
 * Everything the code knows about one synced entity: its schema (the one source of
 * its type), how a device's write of it is checked, and what may not be deleted.
 */
export interface EntityModule<T> {
  name: Entity;
  schema: z.ZodMiniType<T>;
  /** Devices write it; derived records are written by the server only. */
  writable: boolean;
  /** The schema first, then the id and the cross-record rules. */
  check(id: string, data: unknown, ctx: EntityContext): Promise<EntityCheck<T>>;
  /** Why the stored data may not be deleted; none by default. */
  deleteProblems?(current: unknown): FieldIssue[];
}

export const fail = (errors: FieldIssue[]): { ok: false; errors: FieldIssue[] } => ({
  ok: false,
  errors,
});
