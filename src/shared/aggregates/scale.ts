import type { NamedValue } from '../protocol';
import { percent } from './suppression';

export interface LevelShare {
  levelId: string;
  label: string;
  count: number;
  percent: number | null;
}

export interface ScaleFigure {
  kind: 'scale';
  classrooms: number;
  levels: LevelShare[];
}

/**
 * The distribution across a scale's levels, keyed by level id so a level renamed
 * in a later version keeps one line under its current label. `levels` lists the
 * current levels first, then levels only older versions had.
 */
export function scaleFigure(
  counts: Record<string, number>,
  levels: readonly NamedValue[],
): ScaleFigure {
  const known = new Set(levels.map((l) => l.id));
  const unknown = Object.keys(counts)
    .filter((id) => !known.has(id))
    .sort()
    .map((id) => ({ id, label: id }));
  const all = [...levels, ...unknown];
  const classrooms = all.reduce((sum, l) => sum + (counts[l.id] ?? 0), 0);
  return {
    kind: 'scale',
    classrooms,
    levels: all.map((l) => ({
      levelId: l.id,
      label: l.label,
      count: counts[l.id] ?? 0,
      percent: percent(counts[l.id] ?? 0, classrooms),
    })),
  };
}
