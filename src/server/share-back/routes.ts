import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import { issuesToFields } from '../../shared/errors';
import { ShareClockQuery, ShareClockSettings } from '../../shared/share-back';
import { recordAudit } from '../audit/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import { findRound } from '../dashboard/scopes';
import type { Database } from '../db/schema';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { findSchool } from '../schools/repository';
import { leads } from '../sync/access/actor';
import { serverTimeZone } from './clocks';
import {
  readShareClockSettings,
  recordShared,
  shareBackRows,
  writeShareClockSettings,
} from './repository';
import { clocksOf } from './service';

const RoundId = z.uuid();
const LEADERS_ONLY =
  "Only the school's principal, a coach or a district admin sees and stops the share-back clock";
const ADMINS_ONLY = 'Only district admins see every school’s share-back clock';

/**
 * The share-back clock (issue #15): a closed round's summary is due to be shared
 * with staff within the district's school days; sharing stops the clock. Leaders see
 * and stop their school's clocks; district admins see every school's. No answer
 * names a classroom or a teacher.
 */
export function shareBackRoutes(
  { db, readDb }: { db: Kysely<Database>; readDb: Kysely<Database> },
  now: () => Date,
  timeZone: () => string = serverTimeZone,
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());

  routes.get('/rounds', async (c) => {
    const parsed = ShareClockQuery.safeParse(c.req.query());
    if (!parsed.success) {
      return sendError(c, 400, 'invalid_request', 'Choose a school', issuesToFields(parsed.error));
    }
    const { schoolId } = parsed.data;
    if (!(await findSchool(readDb, schoolId)))
      return sendError(c, 404, 'not_found', 'No such school');
    if (!leads(c.get('auth')!, schoolId)) return sendError(c, 403, 'forbidden', LEADERS_ONLY);
    return c.json({ rounds: await clocksOf(readDb, [schoolId], now(), timeZone()) });
  });

  routes.get('/district', async (c) => {
    if (!c.get('auth')!.districtAdmin) return sendError(c, 403, 'forbidden', ADMINS_ONLY);
    return c.json({ rounds: await clocksOf(readDb, null, now(), timeZone()) });
  });

  routes.post('/rounds/:roundId/share', async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('roundId');
    const round = RoundId.safeParse(id).success ? await findRound(db, id) : null;
    if (!round) return sendError(c, 404, 'not_found', 'No such round');
    if (!leads(auth, round.schoolId)) return sendError(c, 403, 'forbidden', LEADERS_ONLY);
    if (round.status !== 'closed') {
      return sendError(c, 409, 'conflict', 'Close the round before sharing its summary with staff');
    }
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      const existing = (await shareBackRows(trx, [round.id])).get(round.id);
      if (existing?.sharedAt) return;
      await recordShared(trx, {
        roundId: round.id,
        schoolId: round.schoolId,
        closedAt: existing?.closedAt ?? round.updatedAt,
        at,
        by: auth.userId,
      });
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'results.share-back',
        subject: round.id,
        details: {},
      });
    });
    const clock = (await clocksOf(db, [round.schoolId], now(), timeZone())).find(
      (r) => r.roundId === round.id,
    );
    return c.json(clock);
  });

  routes.get('/settings', async (c) => {
    if (!c.get('auth')!.districtAdmin) {
      return sendError(c, 403, 'forbidden', 'Only district admins change district settings');
    }
    return c.json(await readShareClockSettings(readDb, timeZone()));
  });

  routes.put('/settings', async (c) => {
    const auth = c.get('auth')!;
    if (!auth.districtAdmin) {
      return sendError(c, 403, 'forbidden', 'Only district admins change district settings');
    }
    const body = await parseBody(c, ShareClockSettings);
    if (!body.ok) return body.response;
    const settings = { ...body.value, daysOff: [...new Set(body.value.daysOff)].sort() };
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      await writeShareClockSettings(trx, settings, at, auth.userId);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'settings.share-clock',
        subject: 'district',
        details: { schoolDays: settings.schoolDays, timeZone: settings.timeZone },
      });
    });
    return c.json(settings);
  });

  return routes;
}
