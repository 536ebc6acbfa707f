import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import type * as z from 'zod/mini';
import { aggregateCsv } from '../../shared/aggregates/csv';
import { checkThreshold } from '../../shared/aggregates/suppression';
import { wholeMonths } from '../../shared/aggregates/views';
import { DistrictQuery, SharingChange, SummaryQuery, TrendQuery } from '../../shared/dashboard';
import { issuesToFields } from '../../shared/errors';
import { recordAudit } from '../audit/repository';
import { listSchools } from '../schools/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { leads } from '../sync/access/actor';
import { mayChangeSharing, setSharing, sharesWithStaff } from './access';
import type { EmailLinks } from '../email/outbox';
import { queueResultsShared } from '../email/results-emails';
import { dashboardOptions } from './options';
import { targetMap } from '../../shared/targets';
import {
  findRound,
  protocolVersions,
  resolveSummaryScope,
  roundsOf,
  roundStarts,
  trendRound,
  visibleSchool,
  type Refusal,
} from './scopes';
import { district, evidence, summary, trend } from './service';
import { staffEvidenceRoutes } from './staff-evidence-routes';
import { roundTargets } from './targets';
import { targetsRoutes } from './targets-routes';

export interface DashboardSettings {
  now: () => Date;
  /** Cells resting on fewer classrooms than this are suppressed (never below 3). */
  suppressBelow: number;
  /** Email on: sharing results with staff tells the school's teachers. */
  mail?: EmailLinks | null;
}

function parseQuery<T extends z.ZodMiniType>(c: Context, schema: T) {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return { ok: true as const, value: parsed.data as z.infer<T> };
  return {
    ok: false as const,
    response: sendError(
      c,
      400,
      'invalid_request',
      'Some filters need attention',
      issuesToFields(parsed.error),
    ),
  };
}

const refused = (c: Context, r: Refusal) => sendError(c, r.status, r.code, r.message);

/** The results dashboard: aggregates only, every cell suppressed below the threshold. */
export function dashboardRoutes(
  { db, readDb }: { db: Kysely<Database>; readDb: Kysely<Database> },
  settings: DashboardSettings,
): Hono<AuthEnv> {
  const threshold = checkThreshold(settings.suppressBelow);
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());

  routes.get('/options', async (c) =>
    c.json(await dashboardOptions(readDb, c.get('auth')!, threshold)),
  );

  const summaryScope = async (c: Context<AuthEnv>) => {
    const q = parseQuery(c, SummaryQuery);
    if (!q.ok) return { ok: false as const, response: q.response };
    const resolved = await resolveSummaryScope(readDb, c.get('auth')!, q.value);
    if (!resolved.ok) return { ok: false as const, response: refused(c, resolved) };
    return { ok: true as const, resolved, heat: q.value.heat ?? 'gradeBand' };
  };

  routes.get('/summary', async (c) => {
    const s = await summaryScope(c);
    if (!s.ok) return s.response;
    return c.json(await summary(readDb, s.resolved, s.heat, threshold));
  });

  routes.get('/summary.csv', async (c) => {
    const s = await summaryScope(c);
    if (!s.ok) return s.response;
    const result = await summary(readDb, s.resolved, s.heat, threshold);
    const name = (s.resolved.info.round?.name ?? `${s.resolved.info.from}-${s.resolved.info.to}`)
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .toLowerCase();
    const round = s.resolved.roundId ? await findRound(readDb, s.resolved.roundId) : null;
    const targets = round
      ? targetMap((await roundTargets(readDb, round, false)).targets)
      : undefined;
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="results-${name}.csv"`);
    return c.body(aggregateCsv(result.lookFors, threshold, targets));
  });

  routes.get('/evidence', async (c) => {
    const s = await summaryScope(c);
    if (!s.ok) return s.response;
    const leader = leads(c.get('auth')!, s.resolved.info.schoolId);
    return c.json(await evidence(readDb, s.resolved, threshold, leader));
  });

  routes.get('/trend', async (c) => {
    const q = parseQuery(c, TrendQuery);
    if (!q.ok) return q.response;
    const school = await visibleSchool(readDb, c.get('auth')!, q.value.schoolId);
    if (!school.ok) return refused(c, school);
    const found = await protocolVersions(readDb, q.value.protocolId);
    if (!found.ok) return refused(c, found);
    const protocolRounds = (await roundsOf(readDb, [school.id])).filter(
      (r) => r.protocolId === q.value.protocolId,
    );
    const population = {
      protocolId: q.value.protocolId,
      schoolIds: [school.id],
      roundStarts: new Map(protocolRounds.map((r) => [r.id, r.startsOn])),
    };
    const filters = { gradeBand: q.value.gradeBand, subject: q.value.subject };
    return c.json(
      await trend(
        readDb,
        population,
        filters,
        protocolRounds.map(trendRound),
        found.versions,
        school.name,
        threshold,
      ),
    );
  });

  routes.get('/district', async (c) => {
    if (!c.get('auth')!.districtAdmin) {
      return sendError(c, 403, 'forbidden', 'Only district admins compare schools');
    }
    const q = parseQuery(c, DistrictQuery);
    if (!q.ok) return q.response;
    const found = await protocolVersions(readDb, q.value.protocolId);
    if (!found.ok) return refused(c, found);
    const population = {
      protocolId: q.value.protocolId,
      schoolIds: null,
      roundStarts: await roundStarts(readDb, null, q.value.protocolId),
    };
    const range = wholeMonths(q.value.from, q.value.to);
    return c.json(
      await district(
        readDb,
        population,
        { ...range, gradeBand: q.value.gradeBand, subject: q.value.subject },
        await listSchools(readDb),
        found.versions,
        threshold,
      ),
    );
  });

  routes.get('/sharing/:schoolId', async (c) => {
    const school = await visibleSchool(readDb, c.get('auth')!, c.req.param('schoolId'));
    if (!school.ok) return refused(c, school);
    return c.json({
      schoolId: school.id,
      shareWithStaff: await sharesWithStaff(readDb, school.id),
    });
  });

  routes.put('/sharing/:schoolId', async (c) => {
    const auth = c.get('auth')!;
    const schoolId = c.req.param('schoolId');
    const school = await visibleSchool(db, auth, schoolId);
    if (!school.ok) return refused(c, school);
    if (!mayChangeSharing(auth, schoolId)) {
      return sendError(c, 403, 'forbidden', 'Only the principal or a district admin decides this');
    }
    const body = await parseBody(c, SharingChange);
    if (!body.ok) return body.response;
    const at = settings.now().toISOString();
    const mail = settings.mail ?? null;
    const emailed = await db.transaction().execute(async (trx) => {
      const sharedBefore = await sharesWithStaff(trx, schoolId);
      await setSharing(trx, schoolId, body.value.shareWithStaff, auth.userId, at);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'results.sharing',
        subject: schoolId,
        details: { shareWithStaff: body.value.shareWithStaff },
      });
      if (!mail || sharedBefore || !body.value.shareWithStaff) return 0;
      return queueResultsShared(trx, { schoolId, byId: auth.userId }, mail, new Date(at));
    });
    if (emailed > 0) mail?.queued();
    return c.json({ schoolId, shareWithStaff: body.value.shareWithStaff });
  });

  routes.route('/staff-evidence', staffEvidenceRoutes(db, settings.now));
  routes.route('/targets', targetsRoutes({ db, readDb }, settings.now));

  return routes;
}
