import * as z from 'zod/mini';
import { api as pageApi, type ApiClient } from '../api/client';
import type { LookforDb } from './db';
import { setMeta } from './meta';

/** An answer of the results API: fresh from the server, or the last one kept on this device. */
export type ResultsAnswer<T> =
  | { ok: true; value: T; asOf: string; cached: boolean }
  | { ok: false; status: number; message: string };

const Kept = z.object({ at: z.string(), body: z.unknown() });

const keyFor = (path: string) => `results:${path}`;

/**
 * The answer kept for `path`, checked against the schema again: a copy kept by an
 * older version of the app, or damaged on the device, is dropped rather than shown.
 */
export async function keptResults<T>(
  db: LookforDb,
  path: string,
  schema: z.ZodMiniType<T>,
): Promise<{ value: T; asOf: string } | null> {
  const row = await db.meta.get(keyFor(path));
  const kept = Kept.safeParse(row?.value);
  if (!kept.success) return null;
  const body = schema.safeParse(kept.data.body);
  if (body.success) return { value: body.data, asOf: kept.data.at };
  await db.meta.delete(keyFor(path));
  return null;
}

/**
 * Reads one results view. A good answer is kept in the device's meta table, so the
 * dashboard offline shows the last answer it got, marked "as of" when it came.
 * Aggregates only are kept: the server never sends a number about fewer classrooms
 * than the threshold, so nothing kept here is about one room.
 */
export async function readResults<T>(
  db: LookforDb,
  path: string,
  schema: z.ZodMiniType<T>,
  now: Date,
  api: ApiClient = pageApi,
): Promise<ResultsAnswer<T>> {
  const result = await api(schema, path);
  if (result.ok) {
    const at = now.toISOString();
    await setMeta(db, keyFor(path), { at, body: result.value });
    return { ok: true, value: result.value, asOf: at, cached: false };
  }
  const { status, message } = result.error;
  // A refusal is passed on; no answer, a failing server or an unreadable answer
  // falls back on the copy kept here.
  if (status >= 400 && status < 500) return { ok: false, status, message };
  const kept = await keptResults(db, path, schema);
  if (kept) return { ok: true, value: kept.value, asOf: kept.asOf, cached: true };
  return {
    ok: false,
    status: 0,
    message: 'No connection, and no results kept on this device yet.',
  };
}
