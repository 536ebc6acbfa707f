import { randomUUID } from 'node:crypto';
import { parseStoredProtocol, protocolKey, type Protocol } from '../../../shared/protocol';
import { leads } from './actor';
import { denied, type Placement } from './placement';
import type { EntityPolicy } from './policy';

const placeProtocol = (schoolId: string | null): Placement =>
  schoolId === null
    ? { ownerId: null, schoolId: null, audience: 'all', readerId: null }
    : { ownerId: null, schoolId, audience: 'school', readerId: null };

/**
 * A school's protocols are edited by its coaches and principals and read by its
 * staff; district-wide ones (no school) are edited by district admins and read by
 * everyone. A version never moves to another school.
 */
export const protocolPolicy: EntityPolicy<Protocol> = {
  async decide({ reads, actor, op, current, data }) {
    const schoolId = op === 'delete' ? (current?.schoolId ?? null) : (data.schoolId ?? null);
    if (current && (current.schoolId ?? null) !== schoolId) {
      return denied('schoolId', 'A protocol stays with the school that owns it');
    }
    if (schoolId === null) {
      return actor.districtAdmin
        ? { ok: true, data, placement: placeProtocol(null) }
        : denied('schoolId', 'Only district admins edit district-wide protocols');
    }
    if (!leads(actor, schoolId) || !(await reads.schoolExists(schoolId))) {
      return denied(
        'entity',
        "Only this school's coaches, principals and district admins edit its protocols",
      );
    }
    return { ok: true, data, placement: placeProtocol(schoolId) };
  },

  /** Publishing and archiving are admin actions: each goes into the audit log. */
  async derive(tx, write) {
    const next = write.data;
    if (write.deleted || next === null) return;
    const before = write.previous === null ? undefined : parseStoredProtocol(write.previous);
    if (next.status === 'draft' || before?.status === next.status) return;
    tx.audit({
      id: randomUUID(),
      at: write.stamp,
      actorId: write.actor.userId,
      action: next.status === 'published' ? 'protocol.published' : 'protocol.archived',
      subject: protocolKey(next.id, next.version),
      details: { name: next.name, version: next.version, schoolId: next.schoolId ?? null },
    });
  },
};
