import type { LookForRow } from '../../../shared/aggregates/table';

/** Whether a look-for's figures are hidden to protect small groups (whole row or its share). */
export const isHiddenRow = (row: LookForRow) =>
  row.figure.suppressed || (row.figure.kind === 'seen' && row.figure.share.suppressed);

/** The rows to show one by one, and the hidden ones that fold into one line. */
export function foldRows(rows: readonly LookForRow[]): {
  shown: LookForRow[];
  hidden: LookForRow[];
} {
  return {
    shown: rows.filter((r) => !isHiddenRow(r)),
    hidden: rows.filter(isHiddenRow),
  };
}

/** "4 look-fors rest on fewer than 5 classrooms". */
export const foldedText = (count: number, threshold: number) =>
  count === 1
    ? `1 look-for rests on fewer than ${threshold} classrooms`
    : `${count} look-fors rest on fewer than ${threshold} classrooms`;
