import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { keptResults, readResults } from '../../../src/client/data/dashboard';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import { SummaryAnswer } from '../../../src/shared/answers/dashboard';

/** A small answer shape: these tests are about keeping, not about the dashboard's shapes. */
const Answer = z.object({ threshold: z.number() });

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
      Answer,
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
      Answer,
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
    await readResults(db, '/api/dashboard/summary?x=2', Answer, new Date());
    vi.stubGlobal('fetch', answer(403, { error: { code: 'forbidden', message: 'Not shared' } }));
    expect(await readResults(db, '/api/dashboard/summary?x=2', Answer, new Date())).toEqual({
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
    const result = await readResults(db, '/api/dashboard/options', Answer, new Date());
    expect(result).toMatchObject({ ok: false, status: 0 });
  });
});

describe('results read back from the device', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`results-kept-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    await db.delete();
  });

  const unreachable = () =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );

  it('drops a kept answer that no longer fits its shape, instead of showing it', async () => {
    await db.meta.put({
      key: 'results:/api/dashboard/summary?x=3',
      value: { at: '2026-11-23T10:00:00.000Z', body: { threshold: 'five' } },
    });
    unreachable();
    const result = await readResults(db, '/api/dashboard/summary?x=3', Answer, new Date());
    expect(result).toMatchObject({ ok: false, status: 0 });
    expect(await db.meta.get('results:/api/dashboard/summary?x=3')).toBeUndefined();
  });

  it('ignores a kept entry that is not a kept answer at all', async () => {
    await db.meta.put({ key: 'results:/api/dashboard/options', value: 'garbage' });
    expect(await keptResults(db, '/api/dashboard/options', Answer)).toBeNull();
  });

  it('does not keep an answer the app cannot read, and shows the good one kept before', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ threshold: 5 })),
    );
    await readResults(db, '/api/dashboard/summary?x=4', Answer, new Date('2026-11-23T10:00:00Z'));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ threshold: null })),
    );
    expect(
      await readResults(db, '/api/dashboard/summary?x=4', Answer, new Date('2026-11-24T10:00:00Z')),
    ).toEqual({
      ok: true,
      value: { threshold: 5 },
      asOf: '2026-11-23T10:00:00.000Z',
      cached: true,
    });
  });

  it('reads a summary kept before ranges said which months they cover', async () => {
    const summary = {
      scope: {
        schoolId: 's1',
        schoolName: 'Lincoln',
        protocolId: 'p',
        protocolName: 'P',
        round: null,
        from: '2026-09-01',
        to: '2026-10-01',
        gradeBand: null,
        subject: null,
      },
      threshold: 5,
      classrooms: { suppressed: true, reason: 'fewer than 5 classrooms' },
      lookFors: [],
      groups: [],
      heatMap: { by: 'gradeBand', columns: [], rows: [] },
    };
    await db.meta.put({
      key: 'results:/api/dashboard/summary?old=1',
      value: { at: '2026-10-02T10:00:00.000Z', body: summary },
    });
    const kept = await keptResults(db, '/api/dashboard/summary?old=1', SummaryAnswer);
    expect(kept?.value.scope.covers).toBeNull();
    expect(kept?.value.classrooms).toEqual({ suppressed: true, reason: 'fewer than 5 classrooms' });
  });
});
