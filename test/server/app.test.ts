import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../src/shared/errors';
import { observation, putMutation } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server-app';

describe('the API boundary', () => {
  let server: TestServer;
  const clientId = crypto.randomUUID();

  beforeEach(async () => {
    server = await startTestServer('sqlite');
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const post = async (body: string) =>
    server.app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await server.cookie() },
      body,
    });
  const get = async (path: string) =>
    server.app.request(path, { headers: { cookie: await server.cookie() } });

  async function expectError(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(0);
    return body;
  }

  it('answers health', async () => {
    const res = await server.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('refuses a body that is not JSON and stores nothing', async () => {
    await expectError(await post('{"clientId": '), 400, 'bad_json');
    expect(await server.count('mutations')).toBe(0);
  });

  it('refuses a push that breaks the contract and names the fields', async () => {
    const good = putMutation(clientId, observation());
    const body = await expectError(
      await post(JSON.stringify({ clientId, mutations: [good, { ...good, mutationId: 'nope' }] })),
      400,
      'invalid_request',
    );
    expect(body.error.details?.map((d) => d.path)).toContain('mutations.1.mutationId');
    expect(await server.count('records')).toBe(0);
  });

  it('refuses mutations that claim another client', async () => {
    const other = putMutation(crypto.randomUUID(), observation());
    await expectError(
      await post(JSON.stringify({ clientId, mutations: [other] })),
      400,
      'invalid_request',
    );
    expect(await server.count('records')).toBe(0);
  });

  it('refuses a push over 5 MB with 413 and stores nothing', async () => {
    const huge = putMutation(clientId, observation({ notes: 'x'.repeat(6 * 1024 * 1024) }));
    await expectError(
      await post(JSON.stringify({ clientId, mutations: [huge] })),
      413,
      'payload_too_large',
    );
    expect(await server.count('mutations')).toBe(0);
  });

  it('refuses an empty push', async () => {
    await expectError(
      await post(JSON.stringify({ clientId, mutations: [] })),
      400,
      'invalid_request',
    );
  });

  it('refuses a pull without a usable cursor', async () => {
    await expectError(await get('/api/sync/pull'), 400, 'invalid_request');
    await expectError(await get('/api/sync/pull?cursor=-1'), 400, 'invalid_request');
    await expectError(await get('/api/sync/pull?cursor=0&limit=0'), 400, 'invalid_request');
  });

  it('asks for sign-in before any sync, and stores nothing', async () => {
    const anonymous = await server.app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, mutations: [putMutation(clientId, observation())] }),
    });
    await expectError(anonymous, 401, 'unauthorized');
    await expectError(await server.app.request('/api/sync/pull?cursor=0'), 401, 'unauthorized');
    expect(await server.count('records')).toBe(0);
  });

  it('answers unknown API routes with the error shape, never the app shell', async () => {
    await expectError(await server.app.request('/api/nope'), 404, 'not_found');
  });

  it('lets no cache keep an API answer: the account, the notes, an error', async () => {
    for (const path of ['/api/auth/me', '/api/sync/pull?cursor=0', '/api/health', '/api/nope']) {
      const res = await get(path);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});
