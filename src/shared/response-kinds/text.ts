import * as z from 'zod/mini';
import {
  isObject,
  noCells,
  noFact,
  otherFigure,
  type KindResults,
  type KindRules,
} from './kind-rules';

export const textType = () => z.object({ kind: z.literal('text') });
export type TextType = z.infer<ReturnType<typeof textType>>;
export const textValue = z.object({
  text: z.string().check(z.maxLength(2000, { error: 'At most 2,000 characters' })),
});

const textOf = (value: Parameters<KindRules<TextType>['owns']>[0]) =>
  isObject(value) && 'text' in value ? value.text : null;

export const textRules: KindRules<TextType> = {
  label: 'Short text',
  owns: (value) => textOf(value) !== null,
  problem: (_type, value) => (textOf(value) === null ? 'Expected text' : null),
  answered: (value) => (textOf(value) ?? '').trim() !== '',
};

/** What the dashboard and the results CSV make of this kind's answers (off the first screen). */
export const textResults: KindResults = {
  fact: (value) => (textOf(value) === null ? null : { ...noFact, answer: 'text' }),
  figure: otherFigure,
  csvCells: noCells,
};
