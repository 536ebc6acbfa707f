import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { issuesToFields } from '../../shared/errors';
import { TargetChange, TargetsQuery } from '../../shared/targets';
import { recordAudit } from '../audit/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { leads } from '../sync/access/actor';
import { maySeeResults } from './access';
import { findRound } from './scopes';
import { roundTargets, targetProblem } from './targets';
import { removeTarget, setTarget } from './targets-repository';

const LEADERS_ONLY = "Only the school's principal, a coach or a district admin sets targets";

/**
 * Targets per look-for: everyone who may read a round's results reads its targets
 * (`GET ?roundId=`); its school's leaders set or remove one for the round or its
 * school year (`PUT`, `percent: null` removes). Each change is in the audit log.
 */
export function targetsRoutes(
  { db, readDb }: { db: Kysely<Database>; readDb: Kysely<Database> },
  now: () => Date,
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());

  routes.get('/', async (c) => {
    const auth = c.get('auth')!;
    const q = TargetsQuery.safeParse(c.req.query());
    if (!q.success) {
      return sendError(c, 400, 'invalid_request', 'Choose a round', issuesToFields(q.error));
    }
    const round = await findRound(readDb, q.data.roundId);
    if (!round) return sendError(c, 404, 'not_found', 'No such round');
    if (!(await maySeeResults(readDb, auth, round.schoolId))) {
      return sendError(c, 403, 'forbidden', "You cannot see this school's results");
    }
    return c.json(await roundTargets(readDb, round, leads(auth, round.schoolId)));
  });

  routes.put('/', async (c) => {
    const auth = c.get('auth')!;
    const body = await parseBody(c, TargetChange);
    if (!body.ok) return body.response;
    const change = body.value;
    const round = await findRound(db, change.roundId);
    if (!round) return sendError(c, 404, 'not_found', 'No such round');
    if (!leads(auth, round.schoolId)) return sendError(c, 403, 'forbidden', LEADERS_ONLY);
    const problem = await targetProblem(db, round, change.lookForId, change.scope);
    if (problem) {
      return sendError(c, 400, 'invalid_request', problem, [
        { path: 'lookForId', message: problem },
      ]);
    }
    const result = await roundTargets(db, round, true);
    const place = {
      schoolId: round.schoolId,
      protocolId: round.protocolId,
      scope: change.scope,
      scopeKey: change.scope === 'round' ? round.id : result.schoolYear,
    };
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      if (change.percent === null) await removeTarget(trx, place, change.lookForId);
      else await setTarget(trx, place, change.lookForId, change.percent, auth.userId, at);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: change.percent === null ? 'results.target.remove' : 'results.target.set',
        subject: round.id,
        details: {
          lookForId: change.lookForId,
          scope: change.scope,
          scopeKey: place.scopeKey,
          percent: change.percent,
        },
      });
    });
    return c.json(await roundTargets(db, round, true));
  });

  return routes;
}
