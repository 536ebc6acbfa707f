import type * as z from 'zod/mini';
import type { CatalogueEntry } from '../aggregates/catalogue';
import type { LookForCounts } from '../aggregates/counts';
import type { CsvColumn } from '../aggregates/csv';
import type { AnswerFact } from '../aggregates/facts';
import type { Figure } from '../aggregates/table';
import type { ResponseValue } from './registry';

/** A scale's level or a choice's option. */
export interface Named {
  id: string;
  label: string;
}

/** Builds the list of levels or options of a response type (lengths checked as the protocol's strength says). */
export type NamedList = (what: string, min: number, max: number) => z.ZodMiniType<Named[]>;

/**
 * Everything one response kind decides, in one module. The registry lists every
 * kind in complete `Record<ResponseKind, ...>` maps, so the compiler names each
 * place a new kind must fill.
 */
export interface KindRules<Type extends { kind: string }> {
  /** What the protocol editor calls it. */
  label: string;
  /** Whether an answer has this kind's shape. */
  owns: (value: ResponseValue) => boolean;
  /** Why an answer does not fit a look-for of this type, or null when it does. */
  problem: (type: Type, value: ResponseValue) => string | null;
  /** Whether the answer records anything (an empty text counts as unanswered). */
  answered: (value: ResponseValue) => boolean;
}

/**
 * What the dashboard and the results CSV make of one kind's answers. Kept apart from
 * `KindRules` (in the same kind module) so the first screen, which only checks
 * answers, does not carry the dashboard's code.
 */
export interface KindResults {
  /** What one answer counts as on the dashboard; null when it is not this kind's. */
  fact: (value: ResponseValue) => AnswerFact | null;
  /** The dashboard figure of a look-for of this kind, before suppression. */
  figure: (counts: LookForCounts, entry: CatalogueEntry, threshold: number) => Figure;
  /**
   * This kind's cells of a row of the results CSV (src/shared/aggregates/csv.ts);
   * `hidden` is what a suppressed share says instead of its numbers.
   */
  csvCells: (figure: Figure, hidden: string) => Partial<Record<CsvColumn, string>>;
}

/** Fact fields no kind sets unless it says so. */
export const noFact = {
  seen: 0,
  notSeen: 0,
  na: 0,
  levelId: null,
  tally: null,
  quote: null,
} as const;

/** Kinds the dashboard does not count beyond how many rooms answered. */
export const otherFigure = (counts: LookForCounts): Figure => ({
  kind: 'other',
  classrooms: counts.classrooms,
});

/** A number as a cell: blank when there is none. */
export const numberCell = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : String(n);

/** Kinds with no columns of their own in the results CSV. */
export const noCells = () => ({});

export const isObject = (value: ResponseValue): value is Exclude<ResponseValue, string> =>
  typeof value === 'object';
