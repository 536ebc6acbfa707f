import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server-app';

describe('security headers', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer('sqlite');
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('sends a content security policy without inline script, and forbids framing', async () => {
    const res = await server.app.request('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('sends them on error answers too, without stack traces', async () => {
    const res = await server.app.request('/api/sync/push', { method: 'POST', body: '{' });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const text = await res.text();
    expect(text).not.toMatch(/at .+\.(ts|js):\d+/);
    expect(text).not.toMatch(/select |insert |SQLITE/i);
  });
});
