import type { Protocol } from '../../../shared/protocol';
import { leads } from './actor';
import { denied, type Placement } from './placement';
import type { EntityPolicy } from './policy';
import { schoolExists } from './schools';

const placeProtocol = (schoolId: string | null): Placement =>
  schoolId === null
    ? { ownerId: null, schoolId: null, audience: 'all', readerId: null }
    : { ownerId: null, schoolId, audience: 'school', readerId: null };

/**
 * A school's protocols are edited by its coaches and principals and read by its
 * staff; district-wide ones (no school) are edited by district admins and read by
 * everyone. A version never moves to another school.
 */
export const protocolPolicy: EntityPolicy = {
  async decide({ db, actor, mutation, current, data }) {
    const schoolId =
      mutation.op === 'delete'
        ? (current?.schoolId ?? null)
        : ((data as Protocol).schoolId ?? null);
    if (current && (current.schoolId ?? null) !== schoolId) {
      return denied('schoolId', 'A protocol stays with the school that owns it');
    }
    if (schoolId === null) {
      return actor.districtAdmin
        ? { ok: true, data, placement: placeProtocol(null) }
        : denied('schoolId', 'Only district admins edit district-wide protocols');
    }
    if (!leads(actor, schoolId) || !(await schoolExists(db, schoolId))) {
      return denied(
        'entity',
        "Only this school's coaches, principals and district admins edit its protocols",
      );
    }
    return { ok: true, data, placement: placeProtocol(schoolId) };
  },
};
