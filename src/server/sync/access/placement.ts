import type { FieldIssue } from '../../../shared/errors';

/**
 * Who may read a record. `owner`: its owner, and `readerId` when set (the host of
 * a shared note, the coach of an invitation). `school`: every member of `schoolId`
 * and district admins. `all`: every signed-in user.
 */
export type Audience = 'owner' | 'school' | 'all';

export interface Placement {
  ownerId: string | null;
  schoolId: string | null;
  audience: Audience;
  readerId: string | null;
}

export const ownerOnly = (ownerId: string, schoolId: string | null): Placement => ({
  ownerId,
  schoolId,
  audience: 'owner',
  readerId: null,
});

export const audiences: readonly Audience[] = ['owner', 'school', 'all'];

export const denied = (path: string, message: string): { ok: false; errors: FieldIssue[] } => ({
  ok: false,
  errors: [{ path, message }],
});
