import type { CatalogueEntry } from './catalogue';
import type { LookForCounts } from './counts';
import { resultsOfKind } from '../response-kinds/registry';
import type { ScaleFigure } from './scale';
import type { SeenFigure } from './seen';
import type { Cell } from './suppression';
import type { QuoteFigure, TallyFigure } from './tally';

export interface OtherFigure {
  kind: 'other';
  classrooms: number;
}

export type Figure = SeenFigure | ScaleFigure | TallyFigure | QuoteFigure | OtherFigure;

export interface LookForRow {
  lookForId: string;
  text: string;
  kind: CatalogueEntry['kind'];
  sectionTitle: string;
  tags: string[];
  figure: Cell<Figure>;
}

/** The figure of one look-for, before suppression. */
export function figureOf(entry: CatalogueEntry, counts: LookForCounts, threshold: number): Figure {
  return resultsOfKind(entry.kind).figure(counts, entry, threshold);
}

/** The per look-for table of a scope: one row per look-for of the protocol, in order. */
export function lookForTable(
  entries: readonly CatalogueEntry[],
  figure: (entry: CatalogueEntry) => Cell<Figure>,
): LookForRow[] {
  return entries.map((entry) => ({
    lookForId: entry.lookForId,
    text: entry.text,
    kind: entry.kind,
    sectionTitle: entry.sectionTitle,
    tags: entry.tags,
    figure: figure(entry),
  }));
}
