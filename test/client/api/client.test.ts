import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { createApiClient } from '../../../src/client/api/client';

const NOW = new Date('2026-11-30T10:00:00Z');
const Pick = z.object({ id: z.string() });

function clientAnswering(answer: (path: string, init?: RequestInit) => Promise<Response>) {
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
    answer(String(input), init),
  );
  return {
    fetch,
    api: createApiClient({ fetch, baseUrl: 'https://lookfor.test', now: () => NOW }),
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Promise.resolve(Response.json(body, { status, headers }));

describe('the API client', () => {
  it('gives the answer once it fits its schema, unknown fields left out', async () => {
    const { api, fetch } = clientAnswering(() => json(200, { id: 'p1', extra: true }));
    expect(await api(Pick, '/api/x')).toEqual({ ok: true, value: { id: 'p1' }, status: 200 });
    expect(fetch.mock.calls[0]![0]).toBe('https://lookfor.test/api/x');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: 'GET', cache: 'no-store' });
  });

  it('sends a body as JSON with its content type', async () => {
    const { api, fetch } = clientAnswering(() => json(201, { id: 'p1' }));
    await api(Pick, '/api/x', { method: 'POST', body: { name: 'Room 14' } });
    const init = fetch.mock.calls[0]![1]!;
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ name: 'Room 14' });
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
  });

  it('refuses an answer of the wrong shape instead of passing it on', async () => {
    const { api } = clientAnswering(() => json(200, { id: 42 }));
    expect(await api(Pick, '/api/x')).toEqual({
      ok: false,
      error: {
        code: 'unreadable',
        message: 'The server sent an answer this app cannot read',
        status: 200,
        details: [],
        retryAfterMs: null,
      },
    });
  });

  it('refuses an answer that is not JSON at all', async () => {
    const { api } = clientAnswering(() => Promise.resolve(new Response('<html>', { status: 200 })));
    const result = await api(Pick, '/api/x');
    expect(result.ok === false && result.error.code).toBe('unreadable');
  });

  it('says offline when no answer comes, and never throws', async () => {
    const { api } = clientAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await api(Pick, '/api/x');
    expect(result).toMatchObject({ ok: false, error: { code: 'offline', status: 0 } });
  });

  it('says timeout when a call asked to give up after a while', async () => {
    const { api, fetch } = clientAnswering(
      (_path, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
        }),
    );
    const result = await api(Pick, '/api/x', { timeoutMs: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout', status: 0 } });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it("passes the server's error on in the one error shape, field details included", async () => {
    const { api } = clientAnswering(() =>
      json(400, {
        error: {
          code: 'invalid_request',
          message: 'Check the form',
          details: [{ path: 'name', message: 'Required' }],
        },
      }),
    );
    expect(await api(Pick, '/api/x')).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'Check the form',
        status: 400,
        details: [{ path: 'name', message: 'Required' }],
        retryAfterMs: null,
      },
    });
  });

  it('names a code from the status when the error body is not the error shape', async () => {
    const { api } = clientAnswering(() =>
      Promise.resolve(new Response('Bad gateway', { status: 502 })),
    );
    expect(await api(Pick, '/api/x')).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'The server answered 502', status: 502 },
    });
    const { api: forbidden } = clientAnswering(() => json(403, { nope: true }));
    expect(await forbidden(Pick, '/api/x')).toMatchObject({
      ok: false,
      error: { code: 'forbidden', status: 403 },
    });
  });

  it("reads a busy server's Retry-After, in seconds or as a date", async () => {
    const busy = { error: { code: 'busy', message: 'Busy, try again soon' } };
    const { api } = clientAnswering(() => json(503, busy, { 'retry-after': '30' }));
    expect(await api(Pick, '/api/x')).toMatchObject({
      ok: false,
      error: { code: 'busy', message: 'Busy, try again soon', retryAfterMs: 30_000 },
    });
    const { api: limited } = clientAnswering(() =>
      json(
        429,
        { error: { code: 'too_many_requests', message: 'Slow down' } },
        { 'retry-after': 'Mon, 30 Nov 2026 10:01:00 GMT' },
      ),
    );
    expect(await limited(Pick, '/api/x')).toMatchObject({
      ok: false,
      error: { code: 'too_many_requests', retryAfterMs: 60_000 },
    });
  });

  it('ignores Retry-After on any other refusal', async () => {
    const { api } = clientAnswering(() =>
      json(500, { error: { code: 'internal', message: 'Oops' } }, { 'retry-after': '30' }),
    );
    expect(await api(Pick, '/api/x')).toMatchObject({ ok: false, error: { retryAfterMs: null } });
  });
});
