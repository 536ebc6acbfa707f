import type { LookForRow } from '../../../../src/shared/aggregates/table';

/** A seen / not seen look-for row with a shown share. */
export const seenRow = (id: string, percentSeen: number, classrooms = 10): LookForRow => ({
  lookForId: id,
  text: `Look-for ${id}`,
  kind: 'seen',
  sectionTitle: 'Students doing',
  tags: [],
  figure: {
    suppressed: false,
    kind: 'seen',
    classrooms,
    seen: 0,
    notSeen: 0,
    na: 0,
    share: { suppressed: false, percentSeen, answered: classrooms, allNa: false },
  },
});

/** A look-for whose figures rest on too few classrooms. */
export const hiddenRow = (id: string): LookForRow => ({
  ...seenRow(id, 0),
  figure: { suppressed: true, reason: 'fewer than 5 classrooms' },
});
