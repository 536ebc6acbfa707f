import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../../src/shared/dashboard';
import type { Round } from '../../../src/shared/rounds';
import { startTestServer, type TestServer } from '../../support/server-app';
import { fallAnswers, pushVisits, seedProtocol, seedRound } from '../dashboard/seed-round';

describe('compressed answers', () => {
  let server: TestServer;
  let plan: Round;

  beforeEach(async () => {
    server = await startTestServer('sqlite');
    await seedProtocol(server);
    plan = await seedRound(server);
    await pushVisits(server, plan, fallAnswers);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const summary = async (acceptEncoding?: string) =>
    server.app.request(`/api/dashboard/summary?roundId=${plan.id}`, {
      headers: {
        cookie: await server.cookie(),
        ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
      },
    });

  it('gzips the dashboard JSON for a client that asks, and it reads back the same', async () => {
    const plain = await summary();
    expect(plain.headers.get('content-encoding')).toBeNull();
    const expected = (await plain.json()) as Summary;

    const res = await summary('gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const zipped = Buffer.from(await res.arrayBuffer());
    const json = gunzipSync(zipped).toString('utf8');
    expect(zipped.length).toBeLessThan(json.length);
    expect(JSON.parse(json)).toEqual(expected);
  });
});
