import { createHash, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import type { FieldIssue } from '../../shared/errors';
import type { RosterProblem } from '../../shared/oneroster/csv-table';
import { planRoster } from '../../shared/oneroster/plan';
import {
  RosterImportRequest,
  type RosterDryRun,
  type RosterImported,
  type RosterPlan,
} from '../../shared/oneroster/plan-schema';
import { readExport } from '../../shared/oneroster/read-export';
import { recordAudit } from '../audit/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Queryable } from '../db/queryable';
import type { Database } from '../db/schema';
import type { EmailLinks } from '../email/outbox';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { applyRosterPlan } from './apply';
import { loadRoster } from './repository';

/** A district's staff export is a few MB at most; students' rows are sent too. */
export const MAX_ROSTER_BYTES = 32 * 1024 * 1024;
const MAX_PROBLEMS_SHOWN = 200;

const planIdOf = (plan: RosterPlan) =>
  createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 32);

const issueOf = (p: RosterProblem): FieldIssue => ({
  path: [p.file, p.line > 0 ? `line ${p.line}` : null, p.field || null].filter(Boolean).join(', '),
  message: p.message,
});

/** The plan for these files and mapping against Lookfor as it is in `db`, or its problems. */
async function planFor(db: Queryable, body: RosterImportRequest) {
  const loaded = await loadRoster(db);
  const read = readExport(body.files);
  if (!read.roster || read.problems.length > 0)
    return { problems: read.problems, loaded, plan: null };
  const { plan, problems } = planRoster(read.roster, body.mapping, loaded.state);
  return { problems, loaded, plan: problems.length > 0 ? null : plan };
}

/**
 * OneRoster import for district admins: a dry run answers the plan and its id; an
 * import applies the plan with that id, in one transaction, or refuses when the
 * files or Lookfor changed meanwhile. Any bad row refuses both, naming every row.
 */
export function rosterRoutes(
  db: Kysely<Database>,
  now: () => Date,
  mail: EmailLinks | null = null,
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());
  routes.use('*', async (c, next) => {
    if (!c.get('auth')!.districtAdmin)
      return sendError(c, 403, 'forbidden', 'Only district admins import rosters');
    await next();
  });
  routes.use(
    '*',
    bodyLimit({
      maxSize: MAX_ROSTER_BYTES,
      onError: (c) =>
        sendError(
          c,
          413,
          'payload_too_large',
          'These files are too large to import at once (32 MB)',
        ),
    }),
  );

  const refuse = (c: Context, problems: RosterProblem[]) =>
    sendError(
      c,
      400,
      'invalid_request',
      'Nothing was imported; fix these rows and try again',
      problems.slice(0, MAX_PROBLEMS_SHOWN).map(issueOf),
    );

  routes.post('/dry-run', async (c) => {
    const body = await parseBody(c, RosterImportRequest);
    if (!body.ok) return body.response;
    const { plan, problems } = await planFor(db, body.value);
    if (!plan) return refuse(c, problems);
    const answer: RosterDryRun = { ok: true, planId: planIdOf(plan), plan, problems: [] };
    return c.json(answer);
  });

  routes.post('/import', async (c) => {
    const auth = c.get('auth')!;
    const body = await parseBody(c, RosterImportRequest);
    if (!body.ok) return body.response;
    if (!body.value.planId)
      return sendError(c, 400, 'invalid_request', 'Run a dry run first', [
        { path: 'planId', message: 'Required: the id the dry run answered' },
      ]);
    const at = now();
    const outcome = await db.transaction().execute(async (trx) => {
      const { plan, problems, loaded } = await planFor(trx, body.value);
      if (!plan) return { problems };
      if (planIdOf(plan) !== body.value.planId) return { stale: true as const };
      const invites = await applyRosterPlan(trx, plan, loaded, {
        actor: { id: auth.userId, name: auth.name },
        now: at,
        mail,
      });
      await recordAudit(trx, {
        id: randomUUID(),
        at: at.toISOString(),
        actorId: auth.userId,
        action: 'roster.imported',
        subject: `OneRoster ${plan.version} (users ${plan.modes.users})`,
        details: {
          schoolsAdded: plan.schools.add.length,
          added: plan.add.length,
          changed: plan.change.length,
          deactivated: plan.deactivate.length,
          skippedStudents: plan.skipped.students,
        },
      });
      return { plan, invites };
    });
    if ('problems' in outcome) return refuse(c, outcome.problems ?? []);
    if ('stale' in outcome)
      return sendError(
        c,
        409,
        'conflict',
        'The files, the mapping or Lookfor changed since the dry run; run the dry run again',
      );
    if (outcome.invites.some((i) => i.emailQueued)) mail?.queued();
    const answer: RosterImported = {
      plan: outcome.plan,
      invites: outcome.invites.map(({ sourceId, name, email, link }) => ({
        sourceId,
        name,
        email,
        link,
      })),
      emailOn: mail !== null,
    };
    return c.json(answer);
  });

  return routes;
}
