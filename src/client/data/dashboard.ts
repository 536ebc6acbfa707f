import type { LookforDb } from './db';
import { setMeta } from './meta';

/** An answer of the results API: fresh from the server, or the last one kept on this device. */
export type ResultsAnswer<T> =
  | { ok: true; value: T; asOf: string; cached: boolean }
  | { ok: false; status: number; message: string };

interface Kept {
  at: string;
  body: unknown;
}

const keyFor = (path: string) => `results:${path}`;

function isKept(value: unknown): value is Kept {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Kept).at === 'string' &&
    'body' in value
  );
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
  now: Date,
): Promise<ResultsAnswer<T>> {
  let response: Response | null = null;
  try {
    response = await fetch(path, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    response = null;
  }
  if (response?.ok) {
    const body: unknown = await response.json().catch(() => null);
    if (body !== null) {
      const at = now.toISOString();
      await setMeta(db, keyFor(path), { at, body });
      return { ok: true, value: body as T, asOf: at, cached: false };
    }
  }
  if (response && response.status >= 400 && response.status < 500) {
    const body = (await response.json().catch(() => null)) as {
      error?: { message?: string };
    } | null;
    return {
      ok: false,
      status: response.status,
      message: body?.error?.message ?? `The server answered ${response.status}`,
    };
  }
  const kept = await db.meta.get(keyFor(path));
  if (kept && isKept(kept.value)) {
    return { ok: true, value: kept.value.body as T, asOf: kept.value.at, cached: true };
  }
  return {
    ok: false,
    status: 0,
    message: 'No connection, and no results kept on this device yet.',
  };
}
