import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readResults } from '../../../src/client/data/dashboard';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';

describe('results kept for offline use', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`results-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    await db.delete();
  });

  const answer = (status: number, body: unknown) =>
    vi.fn(async () => new Response(JSON.stringify(body), { status }));

  it('keeps a good answer and shows it "as of" when it came once the server is unreachable', async () => {
    vi.stubGlobal('fetch', answer(200, { threshold: 5 }));
    const fresh = await readResults(
      db,
      '/api/dashboard/summary?x=1',
      new Date('2026-11-23T10:00:00Z'),
    );
    expect(fresh).toEqual({
      ok: true,
      value: { threshold: 5 },
      asOf: '2026-11-23T10:00:00.000Z',
      cached: false,
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const kept = await readResults(
      db,
      '/api/dashboard/summary?x=1',
      new Date('2026-11-24T10:00:00Z'),
    );
    expect(kept).toEqual({
      ok: true,
      value: { threshold: 5 },
      asOf: '2026-11-23T10:00:00.000Z',
      cached: true,
    });
  });

  it('passes a refusal on instead of showing an older answer', async () => {
    vi.stubGlobal('fetch', answer(200, { threshold: 5 }));
    await readResults(db, '/api/dashboard/summary?x=2', new Date());
    vi.stubGlobal('fetch', answer(403, { error: { code: 'forbidden', message: 'Not shared' } }));
    expect(await readResults(db, '/api/dashboard/summary?x=2', new Date())).toEqual({
      ok: false,
      status: 403,
      message: 'Not shared',
    });
  });

  it('says so when offline with nothing kept', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    const result = await readResults(db, '/api/dashboard/options', new Date());
    expect(result).toMatchObject({ ok: false, status: 0 });
  });
});
