import type { LookForRow } from '../../../shared/aggregates/table';
import { foldRows } from './folded-rows';

/** One projector slide: a look-for with its figures, or the line of folded look-fors. */
export type Slide = { kind: 'look-for'; row: LookForRow } | { kind: 'folded'; rows: LookForRow[] };

/** The slides of a round: one per look-for with figures, then one for the hidden ones. */
export function slidesOf(rows: readonly LookForRow[]): Slide[] {
  const { shown, hidden } = foldRows(rows);
  const slides: Slide[] = shown.map((row) => ({ kind: 'look-for', row }));
  if (hidden.length > 0) slides.push({ kind: 'folded', rows: hidden });
  return slides;
}

/** Where a key takes the projector from slide `at` of `count`; null for a key it ignores. */
export function pageFor(key: string, at: number, count: number): number | null {
  const last = Math.max(0, count - 1);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
      return Math.min(last, at + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
