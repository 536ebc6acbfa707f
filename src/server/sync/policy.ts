import type { FieldIssue } from '../../shared/errors';
import type { Mutation } from '../../shared/sync';

/**
 * Who may write what. Until accounts exist (issue #4) every client may write every
 * record. The roles issue answers here, per mutation, from the signed-in user: for
 * example, protocols only by coaches, principals and admins of the owning school.
 */
export function writeProblems(_mutation: Mutation): FieldIssue[] {
  return [];
}
