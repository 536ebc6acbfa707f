import type { Protocol } from '../../shared/protocol';
import type { Round } from '../../shared/rounds';
import { schoolYearOf, type RoundTargets } from '../../shared/targets';
import type { Queryable } from '../db/queryable';
import { publishedVersions } from './protocols';
import { targetsOfRound } from './targets-repository';

/** The targets that apply to a round: its own, and those of its school year. */
export async function roundTargets(
  db: Queryable,
  round: Round,
  maySet: boolean,
): Promise<RoundTargets> {
  const schoolYear = schoolYearOf(round.startsOn);
  return {
    roundId: round.id,
    schoolYear,
    maySet,
    targets: await targetsOfRound(db, {
      schoolId: round.schoolId,
      protocolId: round.protocolId,
      roundId: round.id,
      schoolYear,
    }),
  };
}

/**
 * Why a look-for cannot have a target in this round, or null: it must be a seen /
 * not seen look-for of the round's protocol version (of any published version for
 * a school-year target, since a year's rounds may use different versions).
 */
export async function targetProblem(
  db: Queryable,
  round: Round,
  lookForId: string,
  scope: 'round' | 'year',
): Promise<string | null> {
  const versions = (await publishedVersions(db, round.protocolId)).filter(
    (p) => scope === 'year' || p.version === round.protocolVersion,
  );
  const lookFor = versions
    .flatMap((p: Protocol) => p.sections.flatMap((s) => s.lookFors))
    .find((l) => l.id === lookForId);
  if (!lookFor) return `The round's protocol has no look-for "${lookForId}"`;
  if (lookFor.response.kind !== 'seen') {
    return 'Targets are for look-fors answered seen / not seen';
  }
  return null;
}
