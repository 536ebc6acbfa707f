import type { FieldIssue } from '../../shared/errors';
import type { Mutation } from '../../shared/sync';

/** The signed-in user on whose behalf a push is applied. */
export interface Actor {
  userId: string;
  /** Coaches, principals and district admins edit protocols. */
  mayEditProtocols: boolean;
}

/**
 * Who may write what, checked per mutation. An observation is written only by its
 * own observer: the observer id in the data must be the signed-in user's, and a
 * stored observation of someone else is never overwritten. Protocols are edited by
 * coaches, principals and district admins.
 */
export function writeProblems(
  mutation: Mutation,
  actor: Actor,
  currentOwner: string | null | undefined,
): FieldIssue[] {
  if (mutation.entity === 'protocol') {
    return actor.mayEditProtocols
      ? []
      : [
          {
            path: 'entity',
            message: 'Only coaches, principals and district admins edit protocols',
          },
        ];
  }
  if (currentOwner !== undefined && currentOwner !== null && currentOwner !== actor.userId) {
    return [{ path: 'id', message: 'This observation belongs to someone else' }];
  }
  if (mutation.op === 'put') {
    const observerId = (mutation.data as { observerId?: unknown } | null)?.observerId;
    if (observerId !== actor.userId) {
      return [
        {
          path: 'observerId',
          message: 'An observation can only be recorded under your own account',
        },
      ];
    }
  }
  return [];
}

/** The owner stored with a record: observations belong to their observer; protocols to everyone. */
export function ownerOf(mutation: Mutation, data: unknown): string | null {
  if (mutation.entity !== 'observation') return null;
  const observerId = (data as { observerId?: unknown } | null)?.observerId;
  return typeof observerId === 'string' ? observerId : null;
}
