import { protocolKey } from '../../../shared/protocol';
import type { Round } from '../../../shared/rounds';
import { findRecord, type Queryable } from '../repository';
import { leads } from './actor';
import { denied } from './placement';
import type { EntityPolicy } from './policy';
import { notOnStaff, schoolExists } from './schools';

/** The team could not read another school's protocol, so could not walk the round. */
async function protocolOfAnotherSchool(db: Queryable, round: Round): Promise<boolean> {
  const stored = await findRecord(
    db,
    'protocol',
    protocolKey(round.protocolId, round.protocolVersion),
  );
  return stored?.schoolId != null && stored.schoolId !== round.schoolId;
}

/**
 * Rounds are planned by a school's coaches and principals (and district admins),
 * and every member of the school receives the plan: the team walks it, staff read
 * its purpose in advance. A round never moves to another school.
 */
export const roundPolicy: EntityPolicy = {
  async decide({ db, actor, mutation, current, data }) {
    const schoolId = mutation.op === 'delete' ? current?.schoolId : (data as Round).schoolId;
    if (!schoolId) return denied('id', 'No such round');
    if (current?.schoolId && current.schoolId !== schoolId) {
      return denied('schoolId', 'A round stays in its school');
    }
    if (!leads(actor, schoolId) || !(await schoolExists(db, schoolId))) {
      return denied(
        'schoolId',
        "Only this school's coaches, principals and district admins plan rounds",
      );
    }
    if (mutation.op === 'put') {
      if (await protocolOfAnotherSchool(db, data as Round)) {
        return denied('protocolId', 'Use a district protocol or one of this school');
      }
      const outsiders = await notOnStaff(
        db,
        schoolId,
        (data as Round).team.map((t) => t.userId),
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
