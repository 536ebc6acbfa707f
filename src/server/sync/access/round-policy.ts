import { protocolKey } from '../../../shared/protocol';
import { Round } from '../../../shared/rounds';
import type { StoredRecord } from '../repository';
import { leads, type Actor } from './actor';
import { denied } from './placement';
import type { EntityPolicy, PushReads } from './policy';
import { notOnStaff } from './schools';

/** The team could not read another school's protocol, so could not walk the round. */
async function protocolOfAnotherSchool(reads: PushReads, round: Round): Promise<boolean> {
  const stored = await reads.record(
    'protocol',
    protocolKey(round.protocolId, round.protocolVersion),
  );
  return stored?.schoolId != null && stored.schoolId !== round.schoolId;
}

/**
 * What a stored round keeps: its planner, and the protocol version its visits are
 * pinned to (changing it would strand visits walked offline).
 */
function pinnedProblems(actor: Actor, current: StoredRecord | null, next: Round) {
  const stored = current && !current.deleted ? Round.safeParse(current.data) : null;
  if (!stored?.success) {
    return next.createdBy === actor.userId
      ? null
      : denied('createdBy', 'A new round is planned under your own account');
  }
  if (stored.data.createdBy !== next.createdBy) {
    return denied('createdBy', 'A round keeps the planner who made it');
  }
  if (
    stored.data.protocolId !== next.protocolId ||
    stored.data.protocolVersion !== next.protocolVersion
  ) {
    return denied('protocolVersion', 'A round keeps the protocol version it was planned with');
  }
  return null;
}

/**
 * Rounds are planned by a school's coaches and principals (and district admins),
 * and every member of the school receives the plan: the team walks it, staff read
 * its purpose in advance. A round never moves to another school.
 */
export const roundPolicy: EntityPolicy<Round> = {
  async decide({ reads, actor, op, current, data }) {
    const schoolId = op === 'delete' ? current?.schoolId : data.schoolId;
    if (!schoolId) return denied('id', 'No such round');
    if (current?.schoolId && current.schoolId !== schoolId) {
      return denied('schoolId', 'A round stays in its school');
    }
    if (!leads(actor, schoolId) || !(await reads.schoolExists(schoolId))) {
      return denied(
        'schoolId',
        "Only this school's coaches, principals and district admins plan rounds",
      );
    }
    if (op === 'put') {
      const pinned = pinnedProblems(actor, current, data);
      if (pinned) return pinned;
      if (await protocolOfAnotherSchool(reads, data)) {
        return denied('protocolId', 'Use a district protocol or one of this school');
      }
      const outsiders = await notOnStaff(
        reads,
        schoolId,
        data.team.map((t) => t.userId),
      );
      if (outsiders.length > 0) {
        return denied('team', `Not on the staff of this school: ${outsiders.join(', ')}`);
      }
    }
    return {
      ok: true,
      data,
      placement: {
        ownerId: current?.ownerId ?? actor.userId,
        schoolId,
        audience: 'school',
        readerId: null,
      },
    };
  },
};
