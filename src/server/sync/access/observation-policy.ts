import { Observation } from '../../../shared/observation';
import { Round, RoundProgress } from '../../../shared/rounds';
import { isMember, leads, type Actor } from './actor';
import { denied, ownerOnly } from './placement';
import type { EntityPolicy, PushReads, WriteDecision } from './policy';

async function findRound(reads: PushReads, id: string): Promise<Round | null> {
  const stored = await reads.record('round', id);
  if (!stored || stored.deleted) return null;
  const parsed = Round.safeParse(stored.data);
  return parsed.success ? parsed.data : null;
}

/**
 * A blast observation belongs to a round of its school, one of its rooms, and its
 * team, and stays in the round and room it was started in (the room's progress
 * rests on it).
 */
async function roundProblems(
  reads: PushReads,
  actor: Actor,
  o: Observation,
  stored: Observation | null,
): Promise<WriteDecision<Observation> | null> {
  if (stored && (stored.roundId ?? null) !== (o.roundId ?? null)) {
    return denied('roundId', 'A visit stays in the round it was started in');
  }
  if (stored?.roundId && stored.roomId !== o.roomId) {
    return denied('roomId', 'A visit stays in the room it was started in');
  }
  if (!o.roundId) {
    return o.roomId ? denied('roomId', 'A room id belongs to a round visit') : null;
  }
  const round = await findRound(reads, o.roundId);
  if (!round || round.schoolId !== o.schoolId) {
    return denied('roundId', 'Not a round of this school');
  }
  if (!round.rooms.some((r) => r.id === o.roomId)) {
    return denied('roomId', 'Not a room on this round');
  }
  if (round.protocolId !== o.protocolId || round.protocolVersion !== o.protocolVersion) {
    return denied('protocolId', 'Use the protocol version the round was planned with');
  }
  if (!round.team.some((t) => t.userId === actor.userId) && !leads(actor, round.schoolId)) {
    return denied('roundId', "You are not on this round's team");
  }
  return null;
}

/**
 * A calibration partner is someone else, named on a visit outside rounds, and an
 * active colleague of the observation's school. Membership is checked when the
 * partner is first named or changed only, so a partner deactivated later never
 * blocks the observer's edits of their own notes.
 */
async function partnerProblem(
  reads: PushReads,
  o: Observation,
  stored: Observation | null,
): Promise<WriteDecision<Observation> | null> {
  const partner = o.calibrationPartnerId ?? null;
  if (partner === null) return null;
  if (o.roundId) {
    return denied('calibrationPartnerId', 'A round visit calibrates with its round’s team');
  }
  if (partner === o.observerId) {
    return denied('calibrationPartnerId', 'Calibrate with a colleague, not yourself');
  }
  if (partner === (stored?.calibrationPartnerId ?? null)) return null;
  if (!(await reads.activeInSchool(o.schoolId, partner))) {
    return denied(
      'calibrationPartnerId',
      'Calibrate with a colleague who is on the staff of this school',
    );
  }
  return null;
}

/**
 * An observation is written only by its own observer, in a school where they work
 * (district admins in any school), and read only by them: leaders see aggregates.
 */
export const observationPolicy: EntityPolicy<Observation> = {
  async decide({ reads, actor, op, current, data }) {
    if (current?.ownerId && current.ownerId !== actor.userId) {
      return denied('id', 'This observation belongs to someone else');
    }
    if (op === 'delete') {
      return { ok: true, data, placement: ownerOnly(actor.userId, current?.schoolId ?? null) };
    }
    const o = data;
    if (o.observerId !== actor.userId) {
      return denied('observerId', 'An observation can only be recorded under your own account');
    }
    if (current?.schoolId && current.schoolId !== o.schoolId) {
      return denied('schoolId', 'An observation stays in the school it was recorded in');
    }
    const inSchool =
      isMember(actor, o.schoolId) ||
      (actor.districtAdmin && (await reads.schoolExists(o.schoolId)));
    if (!inSchool) return denied('schoolId', 'You are not on the staff of this school');
    const previous = current && !current.deleted ? Observation.safeParse(current.data) : null;
    const stored = previous?.success ? previous.data : null;
    const partner = await partnerProblem(reads, o, stored);
    if (partner) return partner;
    const roundProblem = await roundProblems(reads, actor, o, stored);
    if (roundProblem) return roundProblem;
    return { ok: true, data: o, placement: ownerOnly(actor.userId, o.schoolId) };
  },

  /** A finished visit to a round's room marks that room visited for the whole team. */
  async derive(tx, write) {
    const o = write.data;
    if (write.deleted || o === null) return;
    if (!o.roundId || !o.roomId || o.status !== 'complete') return;
    const stored = await tx.recordForUpdate('round-progress', o.roundId);
    const parsed = RoundProgress.safeParse(stored?.data);
    const visited = parsed.success ? parsed.data.visitedRoomIds : [];
    if (visited.includes(o.roomId)) return;
    const progress: RoundProgress = {
      roundId: o.roundId,
      schoolId: o.schoolId,
      visitedRoomIds: [...visited, o.roomId],
      updatedAt: write.stamp,
    };
    await tx.writeDerived('round-progress', o.roundId, progress, write.stamp, {
      ownerId: null,
      schoolId: o.schoolId,
      audience: 'school',
      readerId: null,
    });
  },
};
