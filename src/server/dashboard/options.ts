import type { DashboardOptions } from '../../shared/dashboard';
import { listSchools } from '../schools/repository';
import type { Actor } from '../sync/access/actor';
import type { Queryable } from '../db/queryable';
import { mayChangeSharing, maySeeResults, sharesWithStaff } from './access';
import { publishedVersions } from './protocols';
import { roundsOf } from './scopes';

/** What the pickers offer: the schools whose results this person may see, their rounds and protocols. */
export async function dashboardOptions(
  db: Queryable,
  actor: Actor & { memberships: ReadonlyArray<{ schoolId: string; schoolName?: string }> },
  threshold: number,
): Promise<DashboardOptions> {
  const all = await listSchools(db);
  const schools: DashboardOptions['schools'] = [];
  for (const school of all) {
    if (!(await maySeeResults(db, actor, school.id))) continue;
    schools.push({
      id: school.id,
      name: school.name,
      shareWithStaff: await sharesWithStaff(db, school.id),
      mayChangeSharing: mayChangeSharing(actor, school.id),
    });
  }
  const ids = schools.map((s) => s.id);
  const rounds = (await roundsOf(db, ids)).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const used = ids.length
    ? await db
        .selectFrom('observation_visits')
        .select('protocol_id')
        .distinct()
        .where('school_id', 'in', ids)
        .execute()
    : [];
  const protocolIds = [
    ...new Set([...rounds.map((r) => r.protocolId), ...used.map((u) => u.protocol_id)]),
  ];
  const protocols = [];
  for (const id of protocolIds.sort()) {
    const newest = (await publishedVersions(db, id)).at(-1);
    if (newest) protocols.push({ id, name: newest.name });
  }
  return {
    schools,
    rounds: rounds.map((r) => ({
      id: r.id,
      schoolId: r.schoolId,
      name: r.name,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      status: r.status,
      protocolId: r.protocolId,
    })),
    protocols,
    districtView: actor.districtAdmin,
    threshold,
  };
}
