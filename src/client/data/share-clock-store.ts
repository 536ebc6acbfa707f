import * as z from 'zod/mini';
import { RoundShareClock, ShareClockList } from '../../shared/answers/share-back';
import { localDate, shareClock } from '../../shared/evidence/share-clock';
import { api as pageApi, type ApiClient } from '../api/client';
import type { LookforDb } from './db';

/**
 * The share-back clocks this device last received, one meta row per round
 * (`share-clock:<school>:<round>`), so the rounds list shows them offline. A kept
 * clock names a round, its school and dates only: no room, no teacher.
 */
const PREFIX = 'share-clock:';
const keyOf = (clock: RoundShareClock) => `${PREFIX}${clock.schoolId}:${clock.roundId}`;
const schoolPrefix = (schoolId: string) => `${PREFIX}${schoolId}:`;

const Kept = z.object({ at: z.string(), clock: RoundShareClock });

/** Keeps a school's clocks as the server gave them, in place of the ones kept before. */
export async function keepSchoolClocks(
  db: LookforDb,
  schoolId: string,
  clocks: readonly RoundShareClock[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db.transaction('rw', db.meta, async () => {
    // A reopened round has no clock any more: what the server no longer sends goes.
    await db.meta.where('key').startsWith(schoolPrefix(schoolId)).delete();
    await db.meta.bulkPut(
      clocks
        .filter((c) => c.schoolId === schoolId)
        .map((clock) => ({ key: keyOf(clock), value: { at, clock } })),
    );
  });
}

/** A school's kept clocks, read back through the schema; a damaged row is dropped. */
export async function keptSchoolClocks(
  db: LookforDb,
  schoolId: string,
): Promise<RoundShareClock[]> {
  const rows = await db.meta.where('key').startsWith(schoolPrefix(schoolId)).toArray();
  const clocks: RoundShareClock[] = [];
  for (const row of rows) {
    const kept = Kept.safeParse(row.value);
    if (kept.success) clocks.push(kept.data.clock);
    else await db.meta.delete(row.key);
  }
  return clocks;
}

/**
 * A kept clock as it stands `today` (a local date): the same rule the server runs
 * (`shareClock`), with the days off the server named. Its due and shared dates are
 * the server's as last received.
 */
export function clockOn(kept: RoundShareClock, today: string): RoundShareClock {
  const daysOff = new Set(kept.daysOff ?? []);
  return { ...kept, clock: shareClock(kept.shareBy, today, kept.sharedOn, daysOff) };
}

/** Today's date where the device is: the district's, for a device in the district. */
export const deviceToday = (now: Date) =>
  localDate(now.toISOString(), Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

/** A school's clocks: the server's (then kept), or offline the kept ones counted on to today. */
export type SchoolClocks =
  { ok: true; clocks: RoundShareClock[]; kept: boolean } | { ok: false; message: string };

export async function readSchoolClocks(
  db: LookforDb,
  schoolId: string,
  now: Date,
  api: ApiClient = pageApi,
): Promise<SchoolClocks> {
  const path = `/api/share-back/rounds?${new URLSearchParams({ schoolId }).toString()}`;
  const result = await api(ShareClockList, path);
  if (result.ok) {
    await keepSchoolClocks(db, schoolId, result.value.rounds, now);
    return { ok: true, clocks: result.value.rounds, kept: false };
  }
  const { status, message } = result.error;
  // A refusal is passed on; no answer or a failing server falls back on the kept clocks.
  if (status >= 400 && status < 500) return { ok: false, message };
  const today = deviceToday(now);
  const kept = await keptSchoolClocks(db, schoolId);
  const clocks = kept.flatMap((c) => {
    try {
      return [clockOn(c, today)];
    } catch {
      return []; // a kept date that is not a calendar date: nothing to count on from
    }
  });
  return { ok: true, clocks, kept: true };
}
