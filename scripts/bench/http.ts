// Push and pull over HTTP as a signed-in device would, with each request timed.
import { performance } from 'node:perf_hooks';
import type { Mutation, PullResponse, PushResponse } from '../../src/shared/sync';

export interface Timed<T> {
  status: number;
  ms: number;
  body: T | null;
}

async function timed<T>(url: string, init: RequestInit): Promise<Timed<T>> {
  const start = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(120_000) });
  const text = await res.text();
  const ms = performance.now() - start;
  return { status: res.status, ms, body: res.ok ? (JSON.parse(text) as T) : null };
}

export function push(
  base: string,
  cookie: string,
  clientId: string,
  mutations: Mutation[],
): Promise<Timed<PushResponse>> {
  return timed(`${base}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ clientId, mutations }),
  });
}

export function pull(
  base: string,
  cookie: string,
  cursor: number,
  limit = 200,
): Promise<Timed<PullResponse>> {
  return timed(`${base}/api/sync/pull?cursor=${cursor}&limit=${limit}`, { headers: { cookie } });
}

/** Pulls from `cursor` until the server has no more; returns the new cursor. */
export async function pullToEnd(
  base: string,
  cookie: string,
  cursor: number,
  seen: (change: PullResponse['changes'][number]) => void = () => undefined,
): Promise<number> {
  for (let page = 0; page < 100_000; page += 1) {
    const answer = await pull(base, cookie, cursor, 500);
    if (!answer.body) throw new Error(`pull answered ${answer.status}`);
    answer.body.changes.forEach(seen);
    cursor = answer.body.cursor;
    if (!answer.body.hasMore) return cursor;
  }
  return cursor;
}
