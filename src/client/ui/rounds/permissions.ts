import type { SchoolRef } from '../../../shared/accounts';
import type { Round } from '../../../shared/rounds';
import type { StoreUser } from '../../data/store';

/** Schools whose rounds this person plans: coaches and principals there, district admins everywhere. */
export function plannerSchools(user: StoreUser): SchoolRef[] {
  if (user.districtAdmin) return user.schools;
  return user.schools.filter((s) =>
    user.memberships.some(
      (m) => m.schoolId === s.id && (m.role === 'coach' || m.role === 'principal'),
    ),
  );
}

export const mayPlan = (user: StoreUser, schoolId: string) =>
  plannerSchools(user).some((s) => s.id === schoolId);

/** On the team, or leading the school: the server accepts their visits. */
export const mayWalk = (user: StoreUser, round: Round) =>
  round.team.some((t) => t.userId === user.id) || mayPlan(user, round.schoolId);

/** The server shows a calibration to the round's team and whoever planned it. */
export const mayReadCalibration = (user: StoreUser, round: Round) =>
  round.team.some((t) => t.userId === user.id) || round.createdBy === user.id;
