import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { CalibrationReport } from '../../shared/answers/calibration';
import { calibrationReport } from '../../shared/calibration';
import { requireSignIn, type AuthEnv } from '../auth/session';
import { publishedVersions } from '../dashboard/protocols';
import { findRound } from '../dashboard/scopes';
import type { Queryable } from '../db/queryable';
import { sendError } from '../http/errors';
import { addPairRoutes } from './pair-routes';
import { finishedVisitsOfRound } from './repository';

const RoundId = z.uuid();
const TEAM_ONLY = "Only the round's team sees how its observers agreed";

/**
 * `GET /:roundId`: how often a round's observers agreed, for its team only. Everyone
 * else, leaders included, gets 403: calibration is the team's own conversation, and
 * nothing in it is about a teacher.
 */
export function calibrationRoutes(db: Queryable): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());
  // Before `/:roundId`, which would take "pairs" for a round id.
  addPairRoutes(routes, db);
  routes.get('/:roundId', async (c) => {
    const auth = c.get('auth')!;
    const id = RoundId.safeParse(c.req.param('roundId'));
    if (!id.success) return sendError(c, 400, 'invalid_request', 'A round id is a UUID');
    const round = await findRound(db, id.data);
    if (!round) return sendError(c, 404, 'not_found', 'No such round');
    const onTeam = round.team.some((t) => t.userId === auth.userId);
    if (!onTeam && round.createdBy !== auth.userId)
      return sendError(c, 403, 'forbidden', TEAM_ONLY);
    const protocol = (await publishedVersions(db, round.protocolId)).find(
      (p) => p.version === round.protocolVersion,
    );
    if (!protocol) return sendError(c, 404, 'not_found', "The round's protocol is not published");
    const visits = await finishedVisitsOfRound(db, round.id);
    return c.json(calibrationReport(round, protocol, visits) satisfies CalibrationReport);
  });
  return routes;
}
