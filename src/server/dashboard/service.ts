import { catalogue, groupsOf, type CatalogueEntry } from '../../shared/aggregates/catalogue';
import { heatMap } from '../../shared/aggregates/heat-map';
import type { PeriodWeight } from '../../shared/aggregates/blocks';
import { Release } from '../../shared/aggregates/release';
import { lookForTable } from '../../shared/aggregates/table';
import { trendLines, type TrendRound } from '../../shared/aggregates/trend';
import {
  periodsIn,
  roundPeriod,
  viewOf,
  within,
  type ViewScope,
} from '../../shared/aggregates/views';
import type { District, Evidence, Summary, Trend } from '../../shared/dashboard';
import { gradeBands } from '../../shared/observation';
import type { Protocol } from '../../shared/protocol';
import type { Queryable } from '../db/queryable';
import { coversEvery, readCube, readPeriods, type Population } from './cube';
import { notesInScope, quotesInScope, versionsInScope } from './repository';
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

/** What a summary covers, as a view of cells and as a scope of rows. */
function summaryScope(
  resolved: ResolvedScope,
  all: ReadonlyMap<string, PeriodWeight>,
): FactScope & ViewScope & { periods: string[] } {
  const { population } = resolved;
  const periods = resolved.roundId
    ? [roundPeriod(resolved.roundId)]
    : periodsIn(all.values(), resolved.range!);
  return {
    protocolId: population.protocolId,
    schoolIds: population.schoolIds,
    periods,
    gradeBand: resolved.gradeBand,
    subject: resolved.subject,
  };
}

/**
 * A round or whole months of a school: every figure comes from one cube of the
 * school's protocol, and shows only where the view is whole blocks.
 */
export async function summary(
  db: Queryable,
  resolved: ResolvedScope,
  heat: 'gradeBand' | 'subject',
  threshold: number,
): Promise<Summary> {
  const periods = await readPeriods(db, resolved.population);
  const scope = summaryScope(resolved, periods);
  const entries = await entriesFor(db, scope, resolved.versions);
  const groups = groupsOf(entries);
  const cube = await readCube(db, resolved.population, periods, {
    fine: true,
    threshold,
    near: scope.periods,
    groups,
  });
  const release = new Release(cube, threshold);
  const view = viewOf(scope);
  const columnOf = (p: { band: string; subject: string }) =>
    heat === 'gradeBand' ? p.band : p.subject;
  const columns = sortBands(
    new Set([...cube.places.values()].filter((p) => view(p)).map(columnOf)),
  );
  return {
    scope: resolved.info,
    threshold,
    classrooms: release.visited(view),
    lookFors: lookForTable(entries, (entry) => release.lookFor(entry, view)),
    groups: groups.map((group) => release.group(group, view)),
    heatMap: heatMap(heat, entries, columns, (lookForId, column) =>
      release.seen(
        lookForId,
        within(view, (p) => columnOf(p) === column),
      ),
    ),
  };
}

export async function trend(
  db: Queryable,
  population: Population,
  filters: Pick<ViewScope, 'gradeBand' | 'subject'>,
  rounds: readonly TrendRound[],
  versions: readonly Protocol[],
  schoolName: string,
  threshold: number,
): Promise<Trend> {
  const fine = Boolean(filters.gradeBand || filters.subject);
  const periods = await readPeriods(db, population);
  const cube = await readCube(db, population, periods, { fine, threshold, near: null, groups: [] });
  const release = new Release(cube, threshold);
  const ordered = [...rounds].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return {
    threshold,
    schoolName,
    rounds: ordered,
    lines: trendLines(catalogue(versions), ordered, (lookForId, roundId) =>
      release.seen(
        lookForId,
        viewOf({ ...filters, schoolIds: null, periods: [roundPeriod(roundId)] }),
      ),
    ),
  };
}

export async function district(
  db: Queryable,
  population: Population,
  query: { from: string; to: string } & Pick<ViewScope, 'gradeBand' | 'subject'>,
  schools: ReadonlyArray<{ id: string; name: string }>,
  versions: readonly Protocol[],
  threshold: number,
): Promise<District> {
  const fine = Boolean(query.gradeBand || query.subject);
  const periods = await readPeriods(db, population);
  const covered = periodsIn(periods.values(), query);
  const scope = {
    protocolId: population.protocolId,
    schoolIds: null,
    // Every period: no list for the database to match row by row.
    periods: coversEvery(periods, covered) ? null : covered,
    gradeBand: query.gradeBand,
    subject: query.subject,
  };
  const cube = await readCube(db, population, periods, {
    fine,
    threshold,
    near: covered,
    groups: [],
  });
  const release = new Release(cube, threshold);
  const view = viewOf(scope);
  const ofSchool = (id: string) => within(view, (p) => p.school === id);
  const shown = schools.filter((s) => release.hasVisits(ofSchool(s.id)));
  const entries = await entriesFor(db, scope, versions);
  return {
    threshold,
    schools: shown.map((s) => ({
      id: s.id,
      name: s.name,
      classrooms: release.visited(ofSchool(s.id)),
    })),
    heatMap: heatMap(
      'school',
      entries,
      shown.map((s) => s.id),
      (lookForId, schoolId) => release.seen(lookForId, ofSchool(schoolId)),
    ),
  };
}

/**
 * Notes and quotes of the visits in scope, shown only when the scope is whole
 * blocks of visits (so no two scopes differ by a few rooms' notes), sorted by
 * their text so order says nothing about when or where, and with nothing attached
 * but the look-for a quote answers. Leaders of the school read them all, with the
 * round's picks for staff; anyone else reads only those picks.
 */
export async function evidence(
  db: Queryable,
  resolved: ResolvedScope,
  threshold: number,
  leader: boolean,
): Promise<Evidence> {
  const periods = await readPeriods(db, resolved.population);
  const scope = summaryScope(resolved, periods);
  const cube = await readCube(db, resolved.population, periods, {
    fine: true,
    threshold,
    near: scope.periods,
    groups: [],
  });
  const release = new Release(cube, threshold);
  const view = viewOf(scope);
  const refusal = release.evidenceRefusal(view);
  if (refusal) return refusal;
  const entries = await entriesFor(db, scope, resolved.versions);
  if (!leader) return staffEvidence(db, resolved.roundId ?? undefined, entries);
  const quotes = [];
  for (const entry of entries.filter((e) => e.kind === 'quote')) {
    if (!release.mayShowLookFor(entry.lookForId, view)) continue;
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
    picks: await leaderPicks(db, resolved.roundId ?? undefined),
  };
}
