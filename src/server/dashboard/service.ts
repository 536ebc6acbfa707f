import { catalogue, groupsOf, type CatalogueEntry } from '../../shared/aggregates/catalogue';
import { groupRow } from '../../shared/aggregates/groups';
import { heatMap } from '../../shared/aggregates/heat-map';
import type { SeenCounts } from '../../shared/aggregates/seen';
import { guard } from '../../shared/aggregates/suppression';
import { lookForTable } from '../../shared/aggregates/table';
import { trendLines, type TrendRound } from '../../shared/aggregates/trend';
import type { District, Evidence, Summary, Trend } from '../../shared/dashboard';
import { gradeBands } from '../../shared/observation';
import type { Protocol } from '../../shared/protocol';
import type { Queryable } from '../sync/repository';
import {
  classroomsBy,
  classroomsVisited,
  groupCounts,
  lookForCounts,
  notesInScope,
  quotesInScope,
  seenCountsBy,
  versionsInScope,
} from './repository';
import type { FactScope } from './scope';
import type { ResolvedScope } from './scopes';
import { leaderPicks, staffEvidence } from './staff-evidence';

const MAX_NOTES = 100;
const MAX_QUOTES = 50;

/** The look-fors a scope is read against: the versions it used, else the newest. */
export async function entriesFor(
  db: Queryable,
  scope: FactScope,
  versions: readonly Protocol[],
): Promise<CatalogueEntry[]> {
  const used = new Set(await versionsInScope(db, scope));
  const inScope = versions.filter((p) => used.has(p.version));
  return catalogue(inScope.length > 0 ? inScope : versions.slice(-1));
}

const sortBands = (columns: Iterable<string>) => {
  const order = (c: string) => {
    const i = (gradeBands as readonly string[]).indexOf(c);
    return i === -1 ? gradeBands.length : i;
  };
  return [...columns].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
};

export async function summary(
  db: Queryable,
  resolved: ResolvedScope,
  heat: 'gradeBand' | 'subject',
  threshold: number,
): Promise<Summary> {
  const { scope } = resolved;
  const entries = await entriesFor(db, scope, resolved.versions);
  const visited = await classroomsVisited(db, scope);
  const counts = await lookForCounts(db, scope);
  const groups = [];
  for (const group of groupsOf(entries)) {
    groups.push(groupRow(group, await groupCounts(db, scope, group.lookForIds), threshold));
  }
  const column = heat === 'gradeBand' ? 'grade_band' : 'subject';
  const columns = sortBands((await classroomsBy(db, scope, column)).keys());
  const split = await seenCountsBy(db, scope, column);
  return {
    scope: resolved.info,
    threshold,
    classrooms: guard(visited, threshold, () => ({ count: visited })),
    lookFors: lookForTable(entries, counts, threshold),
    groups,
    heatMap: heatMap(heat, entries, columns, split, threshold),
  };
}

export async function trend(
  db: Queryable,
  scope: FactScope,
  rounds: readonly TrendRound[],
  versions: readonly Protocol[],
  schoolName: string,
  threshold: number,
): Promise<Trend> {
  const byLookFor = await seenCountsBy(db, scope, 'round_id');
  const byRound = new Map<string, Map<string, SeenCounts>>();
  for (const [lookForId, perRound] of byLookFor) {
    for (const [roundId, counts] of perRound) {
      const inner = byRound.get(roundId) ?? new Map<string, SeenCounts>();
      inner.set(lookForId, counts);
      byRound.set(roundId, inner);
    }
  }
  const ordered = [...rounds].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return {
    threshold,
    schoolName,
    rounds: ordered,
    lines: trendLines(catalogue(versions), ordered, byRound, threshold),
  };
}

export async function district(
  db: Queryable,
  scope: FactScope,
  schools: ReadonlyArray<{ id: string; name: string }>,
  versions: readonly Protocol[],
  threshold: number,
): Promise<District> {
  const entries = await entriesFor(db, scope, versions);
  const visited = await classroomsBy(db, scope, 'school_id');
  const split = await seenCountsBy(db, scope, 'school_id');
  const shown = schools.filter((s) => visited.has(s.id));
  return {
    threshold,
    schools: shown.map((s) => {
      const count = visited.get(s.id) ?? 0;
      return { id: s.id, name: s.name, classrooms: guard(count, threshold, () => ({ count })) };
    }),
    heatMap: heatMap(
      'school',
      entries,
      shown.map((s) => s.id),
      split,
      threshold,
    ),
  };
}

/**
 * Notes and quotes of the visits in scope, shown only when the scope itself rests
 * on enough classrooms, sorted by their text so order says nothing about when or
 * where, and with nothing attached but the look-for a quote answers. Leaders of the
 * school read them all, with the round's picks for staff; anyone else reads only
 * those picks.
 */
export async function evidence(
  db: Queryable,
  resolved: ResolvedScope,
  threshold: number,
  leader: boolean,
): Promise<Evidence> {
  const { scope } = resolved;
  const visited = await classroomsVisited(db, scope);
  if (visited < threshold)
    return { suppressed: true, reason: `fewer than ${threshold} classrooms` };
  const entries = await entriesFor(db, scope, resolved.versions);
  if (!leader) return staffEvidence(db, scope.roundId, entries);
  const quotes = [];
  for (const entry of entries.filter((e) => e.kind === 'quote')) {
    quotes.push({
      lookForId: entry.lookForId,
      text: entry.text,
      quotes: await quotesInScope(db, scope, entry.lookForId, MAX_QUOTES),
    });
  }
  return {
    suppressed: false,
    staffView: false,
    notes: await notesInScope(db, scope, MAX_NOTES),
    quotes,
    picks: await leaderPicks(db, scope.roundId),
  };
}
