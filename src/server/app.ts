import { eraseRoutes } from './retention/erase-routes';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import type { Kysely } from 'kysely';
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import type { Database } from './db/schema';
import { myDataRoutes } from './account/my-data';
import { adminRoutes } from './admin/routes';
import { auditRoutes } from './audit/routes';
import type { ScryptCost } from './auth/password';
import { authRoutes } from './auth/routes';
import { sessionReader, type AuthEnv } from './auth/session';
import { calibrationRoutes } from './calibration/routes';
import { dashboardFactsHook } from './dashboard/facts';
import { roundClosingHook } from './share-back/closing-hook';
import { shareBackRoutes } from './share-back/routes';
import type { SsoConfig } from './auth/sso-config';
import { signInOptionsRoute, ssoRoutes } from './auth/sso-routes';
import { dashboardRoutes } from './dashboard/routes';
import type { EmailLinks } from './email/outbox';
import { emailAdminRoutes } from './email/admin-routes';
import { visitEmailHook } from './email/visit-emails';
import { isBusyError, sendBusy } from './http/busy';
import { csrfGuard } from './http/csrf';
import { sendError } from './http/errors';
import { securityHeaders } from './http/security-headers';
import { photoMissing } from './photos/push-check';
import { keepPhotoRefs } from './photos/refs';
import { photoRoutes } from './photos/routes';
import { photoSettingRoutes } from './photos/setting-routes';
import { nudgeRoutes } from './nudges/routes';
import { databaseStore, type PhotoStore } from './photos/store';
import { rosterRoutes } from './roster/routes';
import { schoolRoutes } from './schools/routes';
import { staffRoutes } from './staff/routes';
import { settingsRoutes } from './settings/routes';
import { serveApp } from './static/serve-app';
import { syncRoutes } from './sync/routes';
import type { PushFeatures, WriteHooks } from './sync/write-hooks';
import { visitRoutes } from './visits/routes';

// zod/mini ships without messages; the server can afford the English ones so every
// 400 says what was expected. (The client keeps its bundle small and words its own.)
z.config(en());

export interface AppOptions {
  db: Kysely<Database>;
  /** For requests that only read; the writing connection when omitted (see DbHandle.readDb). */
  readDb?: Kysely<Database>;
  /** Built client to serve; omitted in API-only tests. */
  distDir?: string;
  now?: () => Date;
  log?: (message: string, error: unknown) => void;
  /** scrypt cost; tests lower it to stay fast. */
  passwordCost?: ScryptCost;
  /** Dashboard cells resting on fewer classrooms are suppressed; default 5, never below 3. */
  suppressBelow?: number;
  /** A request still running after this answers 503 (default 60 s). */
  requestTimeoutMs?: number;
  /** Email on (`SMTP_URL` set): invites and password resets are queued in the outbox. */
  mail?: EmailLinks;
  /** Where photos' bytes live; in the database when omitted (API-only tests). */
  photoStore?: PhotoStore;
  /** OpenID Connect sign-in (`OIDC_ISSUER` set); absent when only passwords are used. */
  sso?: SsoConfig;
}

const REQUEST_TIMEOUT_MS = 60_000;

/**
 * What other features write with each kept push write, in its transaction. Sync
 * calls these without importing the features (see docs/architecture.md).
 */
export const pushHooks: WriteHooks = {
  observation: [dashboardFactsHook],
  round: [roundClosingHook],
};

/** With email on, visit writes also queue their emails (bookings, cancellations, cover). */
const emailPushHooks = (mail: EmailLinks, now: () => Date): WriteHooks => ({
  ...pushHooks,
  visit: [...(pushHooks.visit ?? []), visitEmailHook(mail, now)],
});

/**
 * Other features' checks before a mutation is decided and listeners to every record
 * a push writes: a record never names a photo the server lacks, and photo references
 * follow the records that hold them.
 */
export const pushFeatures: PushFeatures = {
  checks: [photoMissing],
  recordsWritten: [keepPhotoRefs],
};
const requestTimedOut = () => new HTTPException(503, { message: 'timed out' });

export function createApp(options: AppOptions): Hono {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(message, error));
  const readDb = options.readDb ?? options.db;
  const photoStore = options.photoStore ?? databaseStore();
  const app = new Hono();

  // gzip (or deflate) when the client asks: dashboard JSON, sync pages and the app's
  // own files alike (files under 1 KB, which carry a length, are left as they are).
  // Event streams, should any appear, are left alone by the middleware's type filter.
  app.use('*', compress());
  app.use('*', securityHeaders());

  const api = new Hono<AuthEnv>();
  // Every request answers in bounded time; a push cut short commits whole or not at
  // all, and the device's retry with the same mutation ids is harmless either way.
  api.use('*', timeout(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS, requestTimedOut));
  api.use('*', csrfGuard());
  // Every API answer is about someone (their account, notes or school): no cache keeps it.
  api.use('*', async (c, next) => {
    await next();
    // A photo says its own (its bytes never change under its hash); nothing else does.
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  api.use('*', sessionReader({ db: options.db, readDb }, now));
  api.get('/health', (c) => c.json({ ok: true, time: now().toISOString() }));
  api.route(
    '/auth',
    authRoutes(options.db, {
      now,
      mail: options.mail ?? null,
      ...(options.passwordCost ? { cost: options.passwordCost } : {}),
    }),
  );
  api.get('/auth/sign-in-options', signInOptionsRoute(options.db, options.sso ?? null));
  if (options.sso) api.route('/auth/sso', ssoRoutes(options.db, options.sso, { now, log }));
  api.route('/settings', settingsRoutes(options.db, { now, sso: options.sso ?? null }));
  api.route('/admin/emails', emailAdminRoutes(options.db, now, options.mail ?? null));
  api.route('/admin', adminRoutes(options.db, now, options.mail ?? null));
  api.route('/me', myDataRoutes(options.db, now, photoStore));
  api.route('/photos', photoRoutes({ db: options.db, readDb }, { store: photoStore, now }));
  api.route('/schools', photoSettingRoutes(options.db, now));
  api.route('/schools', nudgeRoutes(options.db, now));
  api.route('/staff', staffRoutes(options.db, now, options.mail ?? null));
  api.route('/staff', eraseRoutes(options.db, { now, store: photoStore }));
  api.route('/roster/oneroster', rosterRoutes(options.db, now, options.mail ?? null));
  api.route('/audit', auditRoutes(readDb));
  api.route('/schools', schoolRoutes(options.db, now));
  api.route(
    '/sync',
    syncRoutes(
      { db: options.db, readDb },
      {
        now,
        log,
        hooks: options.mail ? emailPushHooks(options.mail, now) : pushHooks,
        features: pushFeatures,
      },
    ),
  );
  api.route('/visits', visitRoutes(options.db));
  api.route('/calibration', calibrationRoutes(readDb));
  api.route(
    '/dashboard',
    dashboardRoutes(
      { db: options.db, readDb },
      { now, suppressBelow: options.suppressBelow ?? 5, mail: options.mail ?? null },
    ),
  );
  api.route('/share-back', shareBackRoutes({ db: options.db, readDb }, now));
  api.all('*', (c) => sendError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`));
  app.route('/api', api);

  if (options.distDir) app.route('/', serveApp(options.distDir));

  app.onError((error, c) => {
    // An error answer skips the API's own middleware on its way out: no cache keeps it either.
    c.header('Cache-Control', 'no-store');
    if (error instanceof HTTPException && error.status === 503) return sendBusy(c, 'timeout');
    if (error instanceof HTTPException) {
      return sendError(
        c,
        error.status === 413 ? 413 : 400,
        error.status === 413 ? 'payload_too_large' : 'invalid_request',
        error.message,
      );
    }
    // A lock or a connection not had in time: nothing was stored, the client retries.
    if (isBusyError(error)) return sendBusy(c);
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
