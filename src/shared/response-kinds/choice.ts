import * as z from 'zod/mini';
import {
  isObject,
  noCells,
  noFact,
  otherFigure,
  type KindResults,
  type KindRules,
  type NamedList,
} from './kind-rules';

export const choiceType = (namedList: NamedList) =>
  z.object({
    kind: z.literal('choice'),
    multiple: z.boolean(),
    options: namedList('options', 2, 20),
  });
export type ChoiceType = z.infer<ReturnType<typeof choiceType>>;
export const choiceValue = z.object({
  choices: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)),
});

const choicesOf = (value: Parameters<KindRules<ChoiceType>['owns']>[0]) =>
  isObject(value) && 'choices' in value ? value.choices : null;

export const choiceRules: KindRules<ChoiceType> = {
  label: 'Choice',
  owns: (value) => choicesOf(value) !== null,
  problem: (type, value) => {
    const chosen = choicesOf(value);
    if (chosen === null) return 'Expected a choice';
    if (!type.multiple && chosen.length > 1) return 'Only one option may be chosen';
    if (new Set(chosen).size !== chosen.length) return 'Each option may be chosen once';
    return chosen.every((c) => type.options.some((o) => o.id === c))
      ? null
      : 'Not an option of this choice';
  },
  answered: (value) => (choicesOf(value) ?? []).length > 0,
};

/** What the dashboard and the results CSV make of this kind's answers (off the first screen). */
export const choiceResults: KindResults = {
  fact: (value) => (choicesOf(value) === null ? null : { ...noFact, answer: 'choice' }),
  figure: otherFigure,
  csvCells: noCells,
};
