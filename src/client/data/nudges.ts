import { get, set } from 'idb-keyval';
import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { SchoolNudges } from '../../shared/answers/nudges';
import { NudgeList, STARTER_NUDGES } from '../../shared/evidence/nudges';
import { loadAccount } from './account';

/**
 * The judgement words notes are checked against on this device: each of the user's
 * schools' lists (the starter list until a school edits its own), asked of the server
 * when online and kept as a small preference, so the nudges work offline. Someone in
 * two schools is nudged on a word either list names.
 */
const KEY = 'lookfor-nudges';
const Kept = z.record(z.string(), NudgeList);
type Kept = z.infer<typeof Kept>;

let current: NudgeList = STARTER_NUDGES;
let loading: Promise<void> | null = null;
const listeners = new Set<(list: NudgeList) => void>();

/** Several schools' lists as one: the first entry for a phrase wins. */
export function mergeLists(lists: readonly NudgeList[]): NudgeList {
  if (lists.length === 1) return lists[0]!;
  const seen = new Set<string>();
  return lists.flat().filter((w) => {
    const key = w.phrase.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function keptLists(): Promise<Kept> {
  const parsed = Kept.safeParse(await get(KEY).catch(() => undefined));
  return parsed.success ? parsed.data : {};
}

function publish(schoolIds: readonly string[], kept: Kept) {
  if (schoolIds.length === 0) return;
  current = mergeLists(schoolIds.map((id) => kept[id] ?? STARTER_NUDGES));
  for (const listener of listeners) listener(current);
}

/** Keeps a school's list on the device (after its principal saved it, say). */
export async function keepSchoolNudges(schoolId: string, words: NudgeList): Promise<void> {
  const kept = { ...(await keptLists()), [schoolId]: words };
  await set(KEY, kept).catch(() => undefined);
  const me = await loadAccount();
  publish(schoolIdsOf(me), kept);
}

const schoolIdsOf = (me: Awaited<ReturnType<typeof loadAccount>>) =>
  me ? [...new Set(me.memberships.map((m) => m.schoolId))] : [];

/** The kept lists at once, then the server's when it answers (once per app start). */
async function loadNudges(): Promise<void> {
  const me = await loadAccount().catch(() => null);
  const ids = schoolIdsOf(me);
  if (ids.length === 0) return;
  const kept = await keptLists();
  publish(ids, kept);
  // The API client loads with the first call, off the first screen's JavaScript.
  const { api } = await import('../api/client');
  let changed = false;
  for (const id of ids) {
    const result = await api(SchoolNudges, `/api/schools/${encodeURIComponent(id)}/nudges`);
    if (!result.ok) continue;
    kept[id] = result.value.words;
    changed = true;
  }
  if (!changed) return;
  await set(KEY, kept).catch(() => undefined);
  publish(ids, kept);
}

/** The list the note fields use; the starter list until the school's has been read. */
export function useNudgeList(): NudgeList {
  const [list, setList] = useState(current);
  useEffect(() => {
    listeners.add(setList);
    loading ??= loadNudges().catch(() => undefined);
    return () => {
      listeners.delete(setList);
    };
  }, []);
  return list;
}
