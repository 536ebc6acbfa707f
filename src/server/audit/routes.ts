import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import {
  AUDIT_EXPORT_LIMIT,
  AUDIT_PAGE_SIZE,
  AuditQuery,
  auditCsvColumns,
  auditCsvRow,
  type AuditPage,
} from '../../shared/audit-log';
import { safeCsv } from '../../shared/csv-file';
import { issuesToFields } from '../../shared/errors';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { sendError } from '../http/errors';
import { auditActors, auditFilterOf, countAudit, listAudit } from './repository';

/** The audit log, for district admins only: a page at a time, or as CSV. */
export function auditRoutes(db: Kysely<Database>): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());
  routes.use('*', async (c, next) => {
    if (!c.get('auth')!.districtAdmin) {
      return sendError(c, 403, 'forbidden', 'Only district admins read the audit log');
    }
    await next();
  });

  const query = (c: Context) => {
    const parsed = AuditQuery.safeParse(c.req.query());
    if (!parsed.success) {
      return {
        response: sendError(
          c,
          400,
          'invalid_request',
          'Some filters need attention',
          issuesToFields(parsed.error),
        ),
      };
    }
    return { value: parsed.data };
  };

  routes.get('/', async (c) => {
    const q = query(c);
    if ('response' in q) return q.response;
    const filter = auditFilterOf(q.value);
    const total = await countAudit(db, filter);
    const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    const page = Math.min(Number(q.value.page ?? '1'), pageCount);
    const body: AuditPage = {
      entries: await listAudit(db, filter, {
        offset: (page - 1) * AUDIT_PAGE_SIZE,
        limit: AUDIT_PAGE_SIZE,
      }),
      page,
      pageCount,
      total,
      actors: await auditActors(db),
    };
    return c.json(body);
  });

  routes.get('/export.csv', async (c) => {
    const q = query(c);
    if ('response' in q) return q.response;
    const entries = await listAudit(db, auditFilterOf(q.value), {
      offset: 0,
      limit: AUDIT_EXPORT_LIMIT,
    });
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="audit-log.csv"');
    return c.body(safeCsv(auditCsvColumns, entries.map(auditCsvRow)));
  });

  return routes;
}
