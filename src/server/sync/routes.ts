import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import { issuesToFields } from '../../shared/errors';
import {
  DEFAULT_PULL_LIMIT,
  MAX_BODY_BYTES,
  PullQuery,
  PushRequest,
  RecentQuery,
  type PullResponse,
  type PushResponse,
} from '../../shared/sync';
import type { Database } from '../db/schema';
import { readJson, sendError } from '../http/errors';
import { pullChanges, recentChanges } from './pull';
import { requireSignIn, type AuthEnv } from '../auth/session';
import { applyPush, type PushContext } from './push';

export type SyncContext = Omit<PushContext, 'actor'>;

export function syncRoutes(
  { db, readDb }: { db: Kysely<Database>; readDb: Kysely<Database> },
  context: SyncContext,
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  // Capture never needs a session; syncing does. A 401 tells the device to ask the
  // user to sign in again, and it keeps every note meanwhile.
  routes.use('*', requireSignIn());

  routes.post(
    '/push',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        sendError(
          c,
          413,
          'payload_too_large',
          'The push is larger than 5 MB; send fewer notes at a time',
        ),
    }),
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return body.response;
      const parsed = PushRequest.safeParse(body.value);
      if (!parsed.success) {
        return sendError(
          c,
          400,
          'invalid_request',
          'The push does not match the sync contract',
          issuesToFields(parsed.error),
        );
      }
      const results = await applyPush(db, parsed.data, { ...context, actor: c.get('auth')! });
      return c.json({ results } satisfies PushResponse);
    },
  );

  routes.get('/pull', async (c) => {
    const parsed = PullQuery.safeParse({
      cursor: c.req.query('cursor'),
      limit: c.req.query('limit'),
      clientId: c.req.query('clientId'),
    });
    if (!parsed.success) {
      return sendError(
        c,
        400,
        'invalid_request',
        'cursor must be a whole number, limit between 1 and 1000, and clientId a device id',
        issuesToFields(parsed.error),
      );
    }
    const { cursor, limit = DEFAULT_PULL_LIMIT, clientId } = parsed.data;
    return c.json(
      (await pullChanges(readDb, cursor, limit, c.get('auth')!, clientId)) satisfies PullResponse,
    );
  });

  routes.get('/recent', async (c) => {
    const parsed = RecentQuery.safeParse({ limit: c.req.query('limit') });
    if (!parsed.success) {
      return sendError(
        c,
        400,
        'invalid_request',
        'limit must be a whole number from 1 to 500',
        issuesToFields(parsed.error),
      );
    }
    return c.json(await recentChanges(readDb, parsed.data.limit, c.get('auth')!));
  });

  return routes;
}
