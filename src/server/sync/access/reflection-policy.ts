import type { Reflection } from '../../../shared/entities/reflection';
import { denied } from './placement';
import type { EntityPolicy } from './policy';
import { findVisit, otherParty } from './visit-lookup';

/**
 * A reflection on a visit is written by its host or its observer under their own
 * id, and read by its author and the other party of the visit only.
 */
export const reflectionPolicy: EntityPolicy<Reflection> = {
  async decide({ reads, actor, op, current, data }) {
    if (current && current.ownerId !== actor.userId) {
      return denied('id', 'This reflection belongs to someone else');
    }
    if (op === 'delete') {
      if (!current) return denied('id', 'No such reflection');
      return {
        ok: true,
        data,
        placement: {
          ownerId: actor.userId,
          schoolId: current.schoolId,
          audience: 'owner',
          readerId: current.readerId,
        },
      };
    }
    const reflection = data;
    if (reflection.authorId !== actor.userId) {
      return denied('authorId', 'A reflection can only be written under your own account');
    }
    const visit = await findVisit(reads, reflection.visitId);
    if (!visit) return denied('visitId', 'No such visit');
    const host = visit.hostId === actor.userId;
    if (!host && visit.observerId !== actor.userId) {
      return denied('visitId', 'Only the host and the observer of this visit reflect on it');
    }
    return {
      ok: true,
      data: reflection,
      placement: {
        ownerId: actor.userId,
        schoolId: visit.schoolId,
        audience: 'owner',
        readerId: otherParty(visit, actor.userId),
      },
    };
  },
};
