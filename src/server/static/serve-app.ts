import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { sendError } from '../http/errors';

const immutable = 'public, max-age=31536000, immutable';
const revalidate = 'no-cache';

/**
 * Serves the built PWA. Hashed files under /assets never change, so they are cached
 * for a year; index.html, the service worker and the manifest must be revalidated
 * on every load, or an update would never reach a device.
 */
export function serveApp(distDir: string): Hono {
  const app = new Hono();
  const indexFile = join(distDir, 'index.html');

  app.use('*', async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    c.header('Cache-Control', c.req.path.startsWith('/assets/') ? immutable : revalidate);
  });
  app.use('*', serveStatic({ root: distDir }));
  // Client-side routes fall back to the app shell. /api is answered before this, but
  // paths match case by case: `/API/health` must not get the app's page either.
  app.all('*', async (c, next) => {
    if (/^\/api(\/|$)/i.test(c.req.path)) {
      return sendError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`);
    }
    await next();
  });
  app.get('*', (c) => {
    if (!existsSync(indexFile)) {
      return c.text('The app is not built yet: run `npm run build` (or `npm start`).', 503);
    }
    c.header('Cache-Control', revalidate);
    return c.html(readFileSync(indexFile, 'utf8'));
  });
  return app;
}
