import { peerObservationLabClassroom } from '../../src/shared/builtin-protocols';
import type { Entity } from '../../src/shared/entity-names';
import type { Mutation } from '../../src/shared/sync';
import type { Reflection, ShareChoices, Visit, VisitNote } from '../../src/shared/visits';

let seq = 0;

export const noShare: ShareChoices = {
  responses: false,
  notes: false,
  teacherDoing: false,
  studentsDoing: false,
  wonderings: false,
  glow: false,
  wonder: false,
};

/** An open peer offer: no observer yet, nothing asked of the principal. */
export function visit(overrides: Partial<Visit> & Pick<Visit, 'schoolId' | 'hostId'>): Visit {
  return {
    id: crypto.randomUUID(),
    kind: 'peer',
    hostName: 'Ms Host',
    startsAt: '2026-11-30T13:15:00.000Z',
    minutes: 30,
    place: 'Room 114',
    focus: 'How do students talk about their strategies with a partner?',
    protocolId: peerObservationLabClassroom.id,
    protocolVersion: peerObservationLabClassroom.version,
    observerId: null,
    observerName: null,
    needsCoverage: false,
    coverageArranged: false,
    cancelled: false,
    updatedAt: '2026-11-23T09:00:00.000Z',
    ...overrides,
  };
}

/** A note on a visit with private text in every part, nothing shared. */
export function visitNote(
  v: Visit,
  overrides: Partial<VisitNote> & Pick<VisitNote, 'observerId'>,
): VisitNote {
  return {
    id: crypto.randomUUID(),
    visitId: v.id,
    schoolId: v.schoolId,
    protocolId: v.protocolId,
    protocolVersion: v.protocolVersion,
    responses: { 'teacher-says': { text: 'PRIVATE-RESPONSE who can say it another way?' } },
    notes: 'PRIVATE-NOTICING 4 of 6 pairs compared strategies',
    teacherDoing: 'PRIVATE-TEACHER asked who agrees and why',
    studentsDoing: 'PRIVATE-STUDENTS pointed at each other’s boards',
    wonderings: 'PRIVATE-WONDERING what happens with groups of three',
    glow: 'PRIVATE-GLOW the partner talk stems',
    wonder: 'PRIVATE-WONDER could the stems be on the table',
    reflection: 'PRIVATE-REFLECTION I will try talk stems in my room',
    share: noShare,
    status: 'complete',
    startedAt: '2026-11-30T13:15:00.000Z',
    endedAt: '2026-11-30T13:45:00.000Z',
    ...overrides,
  };
}

export function reflection(
  v: Visit,
  overrides: Partial<Reflection> & Pick<Reflection, 'authorId'>,
): Reflection {
  return {
    id: crypto.randomUUID(),
    visitId: v.id,
    text: 'I will keep the stems on the board.',
    updatedAt: '2026-11-30T15:00:00.000Z',
    ...overrides,
  };
}

/** A put of any record keyed by its `id`. */
export function put(
  clientId: string,
  entity: Entity,
  record: { id: string },
  overrides: Partial<Mutation> = {},
): Mutation {
  seq += 1;
  return {
    mutationId: crypto.randomUUID(),
    clientId,
    clientSeq: seq,
    entity,
    entityId: record.id,
    op: 'put',
    baseRev: null,
    data: record,
    deviceTime: '2026-11-23T09:01:00.000Z',
    ...overrides,
  };
}
