import { asksIn, type CatalogueEntry } from './catalogue';
import { changeSince, type Change, type Share } from '../evidence/change';
import type { SeenFigure } from './seen';
import type { Cell } from './suppression';

export interface TrendRound {
  roundId: string;
  name: string;
  startsOn: string;
  protocolVersion: number;
}

/** A look-for the round's protocol version did not ask: absent, never zero. */
export interface Absent {
  absent: true;
}

export type TrendPoint = { roundId: string } & { cell: Absent | Cell<SeenFigure> };

export interface TrendLine {
  lookForId: string;
  text: string;
  points: TrendPoint[];
  /** Change in percent seen from the round before to the latest; null unless both show one. */
  change: { from: string; to: string; points: number; direction: 'up' | 'down' | 'same' } | null;
}

const shareOf = (cell: TrendPoint['cell']): number | null =>
  'absent' in cell || cell.suppressed || cell.share.suppressed ? null : cell.share.percentSeen;

/**
 * Percent seen per round, oldest round first, keyed by look-for id so rewording in
 * a new version keeps one line. `cell` gives a look-for's figure in a round.
 */
export function trendLines(
  entries: readonly CatalogueEntry[],
  rounds: readonly TrendRound[],
  cell: (lookForId: string, roundId: string) => Cell<SeenFigure>,
): TrendLine[] {
  const ordered = [...rounds].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return entries
    .filter((e) => e.kind === 'seen')
    .map((entry) => {
      const points: TrendPoint[] = ordered.map((round) => {
        if (!asksIn(entry, round.protocolVersion))
          return { roundId: round.roundId, cell: { absent: true } };
        return { roundId: round.roundId, cell: cell(entry.lookForId, round.roundId) };
      });
      const [before, last] = points
        .slice(-2)
        .map((p) => ({ roundId: p.roundId, share: shareOf(p.cell) }));
      const change =
        points.length >= 2 && last && before && last.share !== null && before.share !== null
          ? {
              from: before.roundId,
              to: last.roundId,
              points: Math.round((last.share - before.share) * 10) / 10,
              direction:
                last.share > before.share
                  ? ('up' as const)
                  : last.share < before.share
                    ? ('down' as const)
                    : ('same' as const),
            }
          : null;
      return { lookForId: entry.lookForId, text: entry.text, points, change };
    });
}

/** A round's share as counted, or null where the round did not ask or shows no share. */
function countedShare(cell: TrendPoint['cell']): Share | null {
  if ('absent' in cell || cell.suppressed || cell.share.suppressed) return null;
  return { seen: cell.seen, total: cell.share.answered };
}

/**
 * "Since last round" as the screen says it: the last two rounds compared with
 * `changeSince` (up or down only beyond both rounds' 90% ranges). Null when the
 * line has no round before the last or one of the two did not ask the look-for.
 */
export function lineChange(line: TrendLine, enough: number): Change | null {
  const [before, last] = line.points.slice(-2);
  if (!before || !last || 'absent' in before.cell || 'absent' in last.cell) return null;
  const a = countedShare(before.cell);
  const b = countedShare(last.cell);
  if (!a || !b) return 'not-enough';
  return changeSince(a, b, enough);
}
