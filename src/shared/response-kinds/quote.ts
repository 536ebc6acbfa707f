import * as z from 'zod/mini';
import { quoteFigure } from '../aggregates/tally';
import { isObject, noFact, numberCell, type KindResults, type KindRules } from './kind-rules';

export const quoteType = () => z.object({ kind: z.literal('quote') });
export type QuoteType = z.infer<ReturnType<typeof quoteType>>;
export const quoteValue = z.object({
  quote: z.string().check(z.maxLength(2000, { error: 'At most 2,000 characters' })),
});

const quoteOf = (value: Parameters<KindRules<QuoteType>['owns']>[0]) =>
  isObject(value) && 'quote' in value ? value.quote : null;

export const quoteRules: KindRules<QuoteType> = {
  label: 'Student-voice quote',
  owns: (value) => quoteOf(value) !== null,
  problem: (_type, value) => (quoteOf(value) === null ? 'Expected a quote' : null),
  answered: (value) => (quoteOf(value) ?? '').trim() !== '',
};

/** What the dashboard and the results CSV make of this kind's answers (off the first screen). */
export const quoteResults: KindResults = {
  fact: (value) => {
    const quote = quoteOf(value);
    return quote === null ? null : { ...noFact, answer: 'quote', quote: quote.trim() };
  },
  figure: (counts) => quoteFigure(counts.classrooms, counts.quotes),
  csvCells: (f) => (f.kind === 'quote' ? { Quotes: numberCell(f.quotes) } : {}),
};
