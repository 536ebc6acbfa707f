import type { LookForGroup } from './catalogue';
import { seenFigure, type SeenFigure } from './seen';
import { guard, type Cell } from './suppression';

/** What SQL counts for a group of look-fors: answers pooled, classrooms distinct. */
export interface GroupCounts {
  classrooms: number;
  seen: number;
  notSeen: number;
  na: number;
}

export interface GroupRow {
  kind: LookForGroup['kind'];
  id: string;
  label: string;
  lookFors: number;
  /** Pooled over the group's seen look-fors; `classrooms` counts each room once. */
  figure: Cell<SeenFigure>;
}

export function groupRow(group: LookForGroup, counts: GroupCounts, threshold: number): GroupRow {
  return {
    kind: group.kind,
    id: group.id,
    label: group.label,
    lookFors: group.lookForIds.length,
    figure: guard(counts.classrooms, threshold, () => ({
      ...seenFigure(counts, threshold),
      classrooms: counts.classrooms,
    })),
  };
}
