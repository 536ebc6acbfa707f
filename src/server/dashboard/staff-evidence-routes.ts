import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as z from 'zod/mini';
import { StaffPickRequest, type StaffPick } from '../../shared/dashboard';
import { recordAudit } from '../audit/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { leads } from '../sync/access/actor';
import { findRound } from './scopes';
import { sharedText } from './staff-evidence';
import { deletePick, findPick, insertPick, samePick } from './staff-evidence-repository';

const PickId = z.uuid();
const LEADERS_ONLY =
  "Only the school's principal, a coach or a district admin shares evidence with staff";

/**
 * A round's leaders choose the notes and quotes its staff read (`POST`), whole or
 * trimmed, and take them back (`DELETE /:id`). Each change is in the audit log,
 * without the text.
 */
export function staffEvidenceRoutes(db: Kysely<Database>, now: () => Date): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());

  routes.post('/', async (c) => {
    const auth = c.get('auth')!;
    const body = await parseBody(c, StaffPickRequest);
    if (!body.ok) return body.response;
    const round = await findRound(db, body.value.roundId);
    if (!round) return sendError(c, 404, 'not_found', 'No such round');
    if (!leads(auth, round.schoolId)) return sendError(c, 403, 'forbidden', LEADERS_ONLY);
    const checked = await sharedText(db, round.schoolId, body.value);
    if (!checked.ok) {
      return sendError(c, 400, 'invalid_request', checked.message, [
        { path: 'text', message: checked.message },
      ]);
    }
    const pick = {
      roundId: round.id,
      kind: body.value.kind,
      lookForId: body.value.kind === 'quote' ? (body.value.lookForId ?? null) : null,
      text: checked.text,
    };
    const existing = await samePick(db, pick);
    if (existing) return c.json(existing satisfies StaffPick, 200);
    const id = randomUUID();
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      await insertPick(trx, {
        ...pick,
        id,
        schoolId: round.schoolId,
        pickedBy: auth.userId,
        pickedAt: at,
      });
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'results.staff-evidence.pick',
        subject: round.id,
        details: { pickId: id, kind: pick.kind, lookForId: pick.lookForId },
      });
    });
    const created: StaffPick = { id, kind: pick.kind, lookForId: pick.lookForId, text: pick.text };
    return c.json(created, 201);
  });

  routes.delete('/:id', async (c) => {
    const auth = c.get('auth')!;
    const id = c.req.param('id');
    const pick = PickId.safeParse(id).success ? await findPick(db, id) : null;
    if (!pick) return sendError(c, 404, 'not_found', 'No such shared evidence');
    if (!leads(auth, pick.schoolId)) return sendError(c, 403, 'forbidden', LEADERS_ONLY);
    const at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      await deletePick(trx, pick.id);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'results.staff-evidence.remove',
        subject: pick.roundId,
        details: { pickId: pick.id, kind: pick.kind, lookForId: pick.lookForId },
      });
    });
    return c.json({ id: pick.id, removed: true });
  });

  return routes;
}
