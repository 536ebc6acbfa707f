import type { Hono } from 'hono';
import * as z from 'zod/mini';
import type { ColleagueList, PairList, PairReport } from '../../shared/answers/calibration';
import { pairReport } from '../../shared/calibration';
import { calibrationPartners, countsForPair, namedPartners } from '../../shared/evidence/pairs';
import type { Protocol } from '../../shared/protocol';
import { findUserById } from '../auth/repository';
import type { AuthEnv } from '../auth/session';
import { publishedVersions } from '../dashboard/protocols';
import type { Queryable } from '../db/queryable';
import { sendError } from '../http/errors';
import {
  colleaguesObservationsNaming,
  colleaguesOf,
  namesOf,
  observationsNamingPartners,
} from './repository';

const UserId = z.uuid();
const PAIR_ONLY = 'Only the two observers who paired up see how they agreed';

/** The published versions of the protocols these observations used. */
async function protocolsOf(db: Queryable, ids: readonly string[]): Promise<Protocol[]> {
  const found = await Promise.all([...new Set(ids)].map((id) => publishedVersions(db, id)));
  return found.flat();
}

/**
 * Calibration outside rounds: two colleagues who named each other on visits to the
 * same room. `GET /colleagues` lists who the caller may name; `GET /pairs` the
 * colleagues they named with the rooms matched so far; `GET /pairs/:partnerId`
 * the pair's agreement. A pair report is the caller's own: it needs the caller to
 * have named that partner, and holds only visits where each named the other.
 * Nobody else reads it, leaders included.
 */
export function addPairRoutes(routes: Hono<AuthEnv>, db: Queryable): void {
  routes.get('/colleagues', async (c) => {
    const auth = c.get('auth')!;
    const schoolIds = auth.memberships.map((m) => m.schoolId);
    const colleagues = await colleaguesOf(db, schoolIds, auth.userId);
    return c.json({ colleagues } satisfies ColleagueList);
  });

  routes.get('/pairs', async (c) => {
    const me = c.get('auth')!.userId;
    const mine = await observationsNamingPartners(db, me);
    const theirs = await colleaguesObservationsNaming(db, namedPartners(mine, me), me);
    const partners = calibrationPartners([...mine, ...theirs], me);
    const names = await namesOf(
      db,
      partners.map((p) => p.partnerId),
    );
    return c.json({
      partners: partners.map((p) => ({
        partnerId: p.partnerId,
        name: names.get(p.partnerId) ?? 'A former colleague',
        rooms: p.rooms,
      })),
    } satisfies PairList);
  });

  routes.get('/pairs/:partnerId', async (c) => {
    const me = c.get('auth')!.userId;
    const id = UserId.safeParse(c.req.param('partnerId'));
    if (!id.success) return sendError(c, 400, 'invalid_request', 'A partner id is a user id');
    const partnerId = id.data;
    if (partnerId === me) {
      return sendError(c, 400, 'invalid_request', 'Calibration pairs you with a colleague');
    }
    if (!(await findUserById(db, partnerId)))
      return sendError(c, 404, 'not_found', 'No such person');
    const mine = await observationsNamingPartners(db, me);
    if (!namedPartners(mine, me).includes(partnerId)) {
      return sendError(c, 403, 'forbidden', PAIR_ONLY);
    }
    const theirs = await colleaguesObservationsNaming(db, [partnerId], me);
    const visits = [...mine, ...theirs].filter((o) => countsForPair(o, me, partnerId));
    const protocols = await protocolsOf(
      db,
      visits.map((o) => o.protocolId),
    );
    const names = await namesOf(db, [me, partnerId]);
    return c.json(pairReport({ me, partnerId, names }, protocols, visits) satisfies PairReport);
  });
}
