import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp } from '../../../src/server/static/serve-app';

describe('serving the built app', () => {
  let dist: string;
  let app: ReturnType<typeof serveApp>;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'lookfor-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Lookfor</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Lookfor"}');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = serveApp(dist);
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('caches hashed assets for a year, immutably', async () => {
    const res = await app.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('never lets the page, the service worker or the manifest be cached without revalidation', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('answers client-side routes with the app shell', async () => {
    const res = await app.request('/observe/anything');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Lookfor</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('says how to build when the app has not been built', async () => {
    const bare = serveApp(join(dist, 'missing'));
    const res = await bare.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });

  it('answers an API path in any case with the JSON 404, never the app page', async () => {
    for (const path of ['/API/health', '/Api/sync/pull', '/API']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});
