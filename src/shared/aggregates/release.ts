import {
  judge,
  partition,
  periodGroups,
  type Blocks,
  type CellPlace,
  type PeriodWeight,
  type Verdict,
} from './blocks';
import type { CatalogueEntry, LookForGroup } from './catalogue';
import { emptyCounts, type LookForCounts } from './counts';
import { groupRow, type GroupCounts, type GroupRow } from './groups';
import { seenFigure, type SeenCounts, type SeenFigure } from './seen';
import { protecting, suppressed, type Cell, type Suppressed } from './suppression';
import { figureOf, type Figure } from './table';

/**
 * Everything the database counted for one protocol's classrooms, per cell (one
 * school, period, grade band and subject): the only numbers any view is made from.
 */
export interface Cube {
  /** Classrooms visited in every period of the population, by period key. */
  periods: Map<string, PeriodWeight>;
  /** The cells read (those near the view), by cell key. */
  places: Map<string, CellPlace>;
  /** Classrooms visited per cell key. */
  visits: Map<string, number>;
  /** Per look-for id, then cell key. */
  lookFors: Map<string, Map<string, LookForCounts>>;
  /** Per group key (see groupKey), then cell key: classrooms answering any of its look-fors. */
  groups: Map<string, Map<string, number>>;
}

/** Sections and tags may share an id; their kind keeps them apart. */
export const groupKey = (g: Pick<LookForGroup, 'kind' | 'id'>) => `${g.kind}:${g.id}`;

export const emptyCube = (): Cube => ({
  periods: new Map(),
  places: new Map(),
  visits: new Map(),
  lookFors: new Map(),
  groups: new Map(),
});

/** Which cells a view covers. */
export type View = (p: CellPlace) => boolean;

/** Classrooms a look-for figure rests on: those that answered it other than N/A. */
export const restsOn = (c: LookForCounts) => c.classrooms - c.na;

function add(sum: LookForCounts, c: LookForCounts): LookForCounts {
  const levels = { ...sum.levels };
  for (const [id, n] of Object.entries(c.levels)) levels[id] = (levels[id] ?? 0) + n;
  return {
    lookForId: sum.lookForId,
    classrooms: sum.classrooms + c.classrooms,
    seen: sum.seen + c.seen,
    notSeen: sum.notSeen + c.notSeen,
    na: sum.na + c.na,
    quotes: sum.quotes + c.quotes,
    tallyCount: sum.tallyCount + c.tallyCount,
    tallySum: sum.tallySum + c.tallySum,
    tallySumOfSquares: sum.tallySumOfSquares + c.tallySumOfSquares,
    levels,
  };
}

const hidden = (verdict: Verdict, threshold: number) =>
  !verdict.shown && !verdict.small ? protecting() : suppressed(threshold);

/**
 * The figures a viewer may get from a cube. Each measure (classrooms visited, each
 * look-for) has its own blocks, made once from the whole cube; a figure shows only
 * for a view made of whole blocks of its measure, and is then the exact sum.
 */
export class Release {
  private readonly blocks = new Map<string, Blocks>();
  /** Periods are joined by classrooms visited, the same way for every measure. */
  private readonly groupOf: Map<string, string>;

  constructor(
    private readonly cube: Cube,
    readonly threshold: number,
  ) {
    this.groupOf = periodGroups([...cube.periods.values()], threshold);
  }

  private blocksOf(measure: string, weightsOf: () => Map<string, number>): Blocks {
    let blocks = this.blocks.get(measure);
    if (!blocks) {
      const cells = [...weightsOf()].map(([key, weight]) => ({
        place: this.cube.places.get(key)!,
        weight,
      }));
      blocks = partition(cells, this.threshold, this.groupOf);
      this.blocks.set(measure, blocks);
    }
    return blocks;
  }

  private judgeVisits(view: View): Verdict {
    return judge(
      this.blocksOf('visits', () => this.cube.visits),
      view,
    );
  }

  private judgeLookFor(lookForId: string, view: View): Verdict {
    const weights = () => {
      const cells = this.cube.lookFors.get(lookForId) ?? new Map<string, LookForCounts>();
      return new Map([...cells].map(([key, c]) => [key, restsOn(c)]));
    };
    return judge(this.blocksOf(`look-for:${lookForId}`, weights), view);
  }

  private sum(lookForId: string, view: View): LookForCounts {
    let total = emptyCounts(lookForId);
    for (const [key, c] of this.cube.lookFors.get(lookForId) ?? []) {
      if (view(this.cube.places.get(key)!)) total = add(total, c);
    }
    return total;
  }

  /** Classrooms visited in the view, when the view is whole blocks of visits. */
  visited(view: View): Cell<{ count: number }> {
    const verdict = this.judgeVisits(view);
    return verdict.shown
      ? { suppressed: false, count: verdict.weight }
      : hidden(verdict, this.threshold);
  }

  /** Whether anything was visited in the view at all (a column exists), shown or not. */
  hasVisits(view: View): boolean {
    for (const key of this.cube.visits.keys()) if (view(this.cube.places.get(key)!)) return true;
    return false;
  }

  /** Null when the view may show evidence (whole blocks of visits), else why not. */
  evidenceRefusal(view: View): Suppressed | null {
    const verdict = this.judgeVisits(view);
    return verdict.shown ? null : hidden(verdict, this.threshold);
  }

  /** Whether a look-for's own figures (its quotes among them) may show for the view. */
  mayShowLookFor(lookForId: string, view: View): boolean {
    return this.judgeLookFor(lookForId, view).shown;
  }

  /** One look-for's figure for the view, or a cell with the reason and no number. */
  lookFor(entry: CatalogueEntry, view: View): Cell<Figure> {
    const verdict = this.judgeLookFor(entry.lookForId, view);
    if (!verdict.shown) return hidden(verdict, this.threshold);
    return {
      suppressed: false,
      ...figureOf(entry, this.sum(entry.lookForId, view), this.threshold),
    };
  }

  /** Percent seen of one seen look-for for the view (heat maps, trends, districts). */
  seen(lookForId: string, view: View): Cell<SeenFigure> {
    const verdict = this.judgeLookFor(lookForId, view);
    if (!verdict.shown) return hidden(verdict, this.threshold);
    const c = this.sum(lookForId, view);
    const counts: SeenCounts = { seen: c.seen, notSeen: c.notSeen, na: c.na };
    return { suppressed: false, ...seenFigure(counts, this.threshold) };
  }

  /**
   * A section or tag, pooled. It shows only when the view is whole blocks of visits
   * (for its classroom count) and of every look-for in it (for the pooled answers).
   */
  group(group: LookForGroup, view: View): GroupRow {
    const verdicts = [
      this.judgeVisits(view),
      ...group.lookForIds
        .filter((id) => this.cube.lookFors.has(id))
        .map((id) => this.judgeLookFor(id, view)),
    ];
    const refused = verdicts.find((v) => !v.shown);
    const counts: GroupCounts = { classrooms: 0, seen: 0, notSeen: 0, na: 0 };
    if (refused) {
      return {
        ...groupRow(group, counts, this.threshold),
        figure: hidden(refused, this.threshold),
      };
    }
    for (const [key, classrooms] of this.cube.groups.get(groupKey(group)) ?? []) {
      if (view(this.cube.places.get(key)!)) counts.classrooms += classrooms;
    }
    for (const id of group.lookForIds) {
      const c = this.sum(id, view);
      counts.seen += c.seen;
      counts.notSeen += c.notSeen;
      counts.na += c.na;
    }
    return groupRow(group, counts, this.threshold);
  }
}
