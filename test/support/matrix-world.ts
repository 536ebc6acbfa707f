import {
  blastEmpoweredLearning,
  peerObservationLabClassroom,
} from '../../src/shared/builtin-protocols';
import { protocolKey, type Protocol } from '../../src/shared/protocol';
import type { Round } from '../../src/shared/rounds';
import type { Entity } from '../../src/shared/entity-names';
import type { Mutation } from '../../src/shared/sync';
import type { Reflection, SharedNote, Visit, VisitNote } from '../../src/shared/visits';
import { nextServerSeq, writeRecord } from '../../src/server/sync/repository';
import type { Placement } from '../../src/server/sync/access/placement';
import { draftProtocol, observation } from './factories';
import { signedInCookie, type TestServer } from './server-app';

/** The roles of the authorization matrix, in its column order. */
export const roles = ['teacher', 'coach', 'principal', 'admin', 'signed out'] as const;
export type Role = (typeof roles)[number];

/** Two schools: the acting user's own (A) and another (B), each with staff of its own. */
export interface World {
  server: TestServer;
  schoolA: string;
  schoolB: string;
  /** Someone else in each school: a coach (who may plan and edit) and a teacher. */
  coachOf: Record<'A' | 'B', { id: string; cookie: string }>;
  teacherOf: Record<'A' | 'B', { id: string; cookie: string }>;
}

/** A new staff member of a school, signed in. */
export async function newMember(server: TestServer, schoolId: string, role: 'coach' | 'teacher') {
  const id = crypto.randomUUID();
  return { id, cookie: await signedInCookie(server.db.db, { id, roles: [{ schoolId, role }] }) };
}

export async function buildWorld(server: TestServer): Promise<World> {
  const schoolA = crypto.randomUUID();
  const schoolB = crypto.randomUUID();
  const member = (schoolId: string, role: 'coach' | 'teacher') => newMember(server, schoolId, role);
  return {
    server,
    schoolA,
    schoolB,
    coachOf: { A: await member(schoolA, 'coach'), B: await member(schoolB, 'coach') },
    teacherOf: { A: await member(schoolA, 'teacher'), B: await member(schoolB, 'teacher') },
  };
}

/** A fresh user in `role` (teacher, coach, principal of school A; a district admin with no school). */
export async function actorFor(world: World, role: Role) {
  if (role === 'signed out') return null;
  const id = crypto.randomUUID();
  const cookie = await signedInCookie(world.server.db.db, {
    id,
    districtAdmin: role === 'admin',
    roles: role === 'admin' ? [] : [{ schoolId: world.schoolA, role }],
  });
  return { id, cookie };
}
export type MatrixActor = NonNullable<Awaited<ReturnType<typeof actorFor>>>;

let seq = 0;
export function put(
  entity: Entity,
  entityId: string,
  data: unknown,
  baseRev: number | null = null,
) {
  seq += 1;
  const clientId = '00000000-0000-4000-8000-00000000c11e';
  return {
    mutationId: crypto.randomUUID(),
    clientId,
    clientSeq: seq,
    entity,
    entityId,
    op: 'put',
    baseRev,
    data,
    deviceTime: '2026-11-23T09:00:00.000Z',
  } satisfies Mutation;
}

/** Valid data of every entity, so a refusal is about who asks, never about the shape. */
export const build = {
  observation: (observerId: string, schoolId: string) => observation({ observerId, schoolId }),
  protocol: (schoolId: string | null): Protocol =>
    draftProtocol({ id: `p-${crypto.randomUUID().slice(0, 8)}`, schoolId }),
  round: (createdBy: string, schoolId: string): Round => ({
    id: crypto.randomUUID(),
    schoolId,
    name: 'Winter walk',
    purpose: '',
    protocolId: blastEmpoweredLearning.id,
    protocolVersion: 1,
    startsOn: '2026-11-23',
    endsOn: '2026-11-24',
    targetMinutes: 5,
    team: [],
    rooms: [{ id: 'room-101', room: '101', gradeBand: '3-5', subject: 'Math', assignedTo: null }],
    status: 'planned',
    createdBy,
    updatedAt: '2026-11-20T09:00:00.000Z',
  }),
  visit: (hostId: string, schoolId: string): Visit => ({
    id: crypto.randomUUID(),
    schoolId,
    kind: 'peer',
    hostId,
    hostName: 'Host',
    startsAt: '2026-11-24T14:00:00.000Z',
    minutes: 30,
    place: 'Room 205',
    focus: 'How do students use the word wall?',
    protocolId: peerObservationLabClassroom.id,
    protocolVersion: 1,
    observerId: null,
    observerName: null,
    needsCoverage: false,
    coverageArranged: false,
    cancelled: false,
    updatedAt: '2026-11-20T09:00:00.000Z',
  }),
  visitNote: (observerId: string, schoolId: string): VisitNote => ({
    id: crypto.randomUUID(),
    visitId: crypto.randomUUID(),
    schoolId,
    observerId,
    protocolId: peerObservationLabClassroom.id,
    protocolVersion: 1,
    responses: {},
    notes: 'Pairs used the word wall.',
    teacherDoing: '',
    studentsDoing: '',
    wonderings: '',
    glow: '',
    wonder: '',
    reflection: 'Private: what I will try.',
    share: {
      responses: false,
      notes: true,
      teacherDoing: false,
      studentsDoing: false,
      wonderings: false,
      glow: false,
      wonder: false,
    },
    status: 'draft',
    startedAt: '2026-11-24T14:00:00.000Z',
    endedAt: null,
  }),
  sharedNote: (observerId: string, hostId: string): SharedNote => ({
    noteId: crypto.randomUUID(),
    visitId: crypto.randomUUID(),
    observerId,
    hostId,
    protocolId: peerObservationLabClassroom.id,
    protocolVersion: 1,
    notes: 'Pairs used the word wall.',
    sharedAt: '2026-11-24T15:00:00.000Z',
  }),
  reflection: (authorId: string): Reflection => ({
    id: crypto.randomUUID(),
    visitId: crypto.randomUUID(),
    authorId,
    text: 'Next time I will move the word wall.',
    updatedAt: '2026-11-24T16:00:00.000Z',
  }),
};

export const key = {
  protocol: (p: Protocol) => protocolKey(p.id, p.version),
};

/**
 * Stores a record with the placement its policy gives it, for the few cells no push
 * can make: a district admin's own visit note, or a note shared with them, which the
 * policies never allow. Every other row is seeded through push.
 */
export async function storePlaced(
  world: World,
  entity: Entity,
  entityId: string,
  data: unknown,
  placement: Placement,
): Promise<void> {
  const db = world.server.db.db;
  await writeRecord(
    db,
    {
      entity,
      entityId,
      rev: 1,
      deleted: false,
      data,
      serverSeq: await nextServerSeq(db),
      updatedAt: '2026-11-24T15:00:00.000Z',
      updatedBy: 'server',
      ...placement,
    },
    false,
  );
}
