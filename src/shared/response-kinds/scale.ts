import * as z from 'zod/mini';
import { scaleFigure } from '../aggregates/scale';
import { isObject, noFact, type KindResults, type KindRules, type NamedList } from './kind-rules';

export const scaleType = (namedList: NamedList) =>
  z.object({ kind: z.literal('scale'), levels: namedList('levels', 2, 10) });
export type ScaleType = z.infer<ReturnType<typeof scaleType>>;
export const scaleValue = z.object({ level: z.string().check(z.maxLength(40)) });

const levelOf = (value: Parameters<KindRules<ScaleType>['owns']>[0]) =>
  isObject(value) && 'level' in value ? value.level : null;

export const scaleRules: KindRules<ScaleType> = {
  label: 'Scale with named levels',
  owns: (value) => levelOf(value) !== null,
  problem: (type, value) => {
    const level = levelOf(value);
    if (level === null) return 'Expected a level of the scale';
    return type.levels.some((l) => l.id === level) ? null : 'Not a level of this scale';
  },
  answered: () => true,
};

/** What the dashboard and the results CSV make of this kind's answers (off the first screen). */
export const scaleResults: KindResults = {
  fact: (value) => {
    const level = levelOf(value);
    return level === null ? null : { ...noFact, answer: 'level', levelId: level };
  },
  figure: (counts, entry) => scaleFigure(counts.levels, entry.levels),
  csvCells: (f) =>
    f.kind === 'scale' ? { Levels: f.levels.map((l) => `${l.label}: ${l.count}`).join('; ') } : {},
};
