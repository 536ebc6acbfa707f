import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import type { Database } from './db/schema';
import { myDataRoutes } from './account/my-data';
import { adminRoutes } from './admin/routes';
import type { ScryptCost } from './auth/password';
import { authRoutes } from './auth/routes';
import { sessionReader, type AuthEnv } from './auth/session';
import { dashboardRoutes } from './dashboard/routes';
import { csrfGuard } from './http/csrf';
import { sendError } from './http/errors';
import { securityHeaders } from './http/security-headers';
import { schoolRoutes } from './schools/routes';
import { serveApp } from './static/serve-app';
import { syncRoutes } from './sync/routes';
import { visitRoutes } from './visits/routes';

// zod/mini ships without messages; the server can afford the English ones so every
// 400 says what was expected. (The client keeps its bundle small and words its own.)
z.config(en());

export interface AppOptions {
  db: Kysely<Database>;
  /** Built client to serve; omitted in API-only tests. */
  distDir?: string;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
  /** scrypt cost; tests lower it to stay fast. */
  passwordCost?: ScryptCost;
  /** Dashboard cells resting on fewer classrooms are suppressed; default 5, never below 3. */
  suppressBelow?: number;
}

export function createApp(options: AppOptions): Hono {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(message, error));
  const app = new Hono();

  app.use('*', securityHeaders());

  const api = new Hono<AuthEnv>();
  api.use('*', csrfGuard());
  api.use('*', sessionReader(options.db, now));
  api.get('/health', (c) => c.json({ ok: true, time: now().toISOString() }));
  api.route(
    '/auth',
    authRoutes(options.db, {
      now,
      ...(options.passwordCost ? { cost: options.passwordCost } : {}),
    }),
  );
  api.route('/admin', adminRoutes(options.db, now));
  api.route('/me', myDataRoutes(options.db, now));
  api.route('/schools', schoolRoutes(options.db, now));
  api.route('/sync', syncRoutes(options.db, { now, log }));
  api.route('/visits', visitRoutes(options.db));
  api.route(
    '/dashboard',
    dashboardRoutes(options.db, { now, suppressBelow: options.suppressBelow ?? 5 }),
  );
  api.all('*', (c) => sendError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`));
  app.route('/api', api);

  if (options.distDir) app.route('/', serveApp(options.distDir));

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      return sendError(
        c,
        error.status === 413 ? 413 : 400,
        error.status === 413 ? 'payload_too_large' : 'invalid_request',
        error.message,
      );
    }
    log(`unhandled error on ${c.req.method} ${c.req.path}`, error);
    return sendError(
      c,
      500,
      'internal',
      'Something went wrong on the server; nothing was half-stored',
    );
  });
  app.notFound((c) => sendError(c, 404, 'not_found', 'Not found'));
  return app;
}
