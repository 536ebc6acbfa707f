import * as z from 'zod/mini';
import { tallyFigure } from '../aggregates/tally';
import { isObject, noFact, numberCell, type KindResults, type KindRules } from './kind-rules';

export const tallyType = () => z.object({ kind: z.literal('tally') });
export type TallyType = z.infer<ReturnType<typeof tallyType>>;
export const tallyValue = z.object({ count: z.int().check(z.gte(0), z.lte(9999)) });

const countOf = (value: Parameters<KindRules<TallyType>['owns']>[0]) =>
  isObject(value) && 'count' in value ? value.count : null;

export const tallyRules: KindRules<TallyType> = {
  label: 'Tally (a count)',
  owns: (value) => countOf(value) !== null,
  problem: (_type, value) => (countOf(value) === null ? 'Expected a count' : null),
  answered: () => true,
};

/** What the dashboard and the results CSV make of this kind's answers (off the first screen). */
export const tallyResults: KindResults = {
  fact: (value) => {
    const count = countOf(value);
    return count === null ? null : { ...noFact, answer: 'count', tally: count };
  },
  figure: (counts) => tallyFigure(counts.tallyCount, counts.tallySum, counts.tallySumOfSquares),
  csvCells: (f) =>
    f.kind === 'tally' ? { Mean: numberCell(f.mean), 'Spread (SD)': numberCell(f.spread) } : {},
};
