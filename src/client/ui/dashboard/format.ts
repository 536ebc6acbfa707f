import {
  suppressionReason,
  type Cell,
  type Suppressed,
} from '../../../shared/aggregates/suppression';
import type { SeenFigure } from '../../../shared/aggregates/seen';
import type { Figure } from '../../../shared/aggregates/table';
import { intervalText, wilsonInterval, type Interval } from '../../../shared/evidence/wilson';

/** What a share resting on fewer classrooms than the "enough visits" setting shows. */
export const NOT_ENOUGH = 'Not enough visits yet';

export const hiddenLabel = (threshold: number) => `Fewer than ${threshold} classrooms`;

/** Why a cell is hidden, as the server says (older answers carry no reason). */
export const hiddenText = (cell: Suppressed, threshold: number) =>
  cell.reason ? cell.reason.charAt(0).toUpperCase() + cell.reason.slice(1) : hiddenLabel(threshold);

/** Percent seen as words for a table cell; suppressed cells never carry a number. */
export function shareText(cell: Cell<Figure | SeenFigure>, threshold: number): string {
  if (cell.suppressed) {
    // Too few classrooms: "enough visits" and the suppression threshold are one number.
    const tooFew = !cell.reason || cell.reason === suppressionReason(threshold);
    return tooFew ? NOT_ENOUGH : hiddenText(cell, threshold);
  }
  if (cell.kind !== 'seen') return '';
  // One threshold: a share resting on fewer classrooms is neither safe nor stable.
  if (cell.share.suppressed) return NOT_ENOUGH;
  if (cell.share.allNa) return 'All N/A';
  return cell.share.percentSeen === null ? 'No answers' : `${cell.share.percentSeen}%`;
}

/** The percentage behind a cell, or null when none may be shown. */
export function shareValue(cell: Cell<Figure | SeenFigure>): number | null {
  if (cell.suppressed || cell.kind !== 'seen' || cell.share.suppressed) return null;
  return cell.share.percentSeen;
}

/** A colour-blind-safe sequential scale (light to dark blue) for heat map cells. */
export function heatColour(percent: number | null): { background: string; color: string } {
  if (percent === null) return { background: '#eeeeee', color: '#1c2426' };
  const steps = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#2171b5', '#08519c'];
  const i = Math.min(steps.length - 1, Math.floor(percent / (100 / steps.length)));
  return { background: steps[i]!, color: i >= 4 ? '#ffffff' : '#1c2426' };
}

/** The 90% Wilson range of a shown share, or null where no percentage is shown. */
export function shareRange(cell: Cell<Figure | SeenFigure>): Interval | null {
  if (cell.suppressed || cell.kind !== 'seen' || cell.share.suppressed) return null;
  if (cell.share.percentSeen === null || cell.share.answered === 0) return null;
  return wilsonInterval(cell.seen, cell.share.answered);
}

/** "52–84%": the range as words, or '' where no percentage is shown. */
export function rangeText(cell: Cell<Figure | SeenFigure>): string {
  const range = shareRange(cell);
  return range ? intervalText(range) : '';
}

/** "66.7% (52–84%)": a share with its range, for slides and single figures. */
export function shareWithRange(cell: Cell<Figure | SeenFigure>, threshold: number): string {
  const range = rangeText(cell);
  return range ? `${shareText(cell, threshold)} (${range})` : shareText(cell, threshold);
}

let dayFormat: Intl.DateTimeFormat | undefined;

/** "5 Oct 2026": a calendar date ("2026-10-05"), the same day in every time zone. */
export const shownDay = (isoDate: string): string =>
  (dayFormat ??= new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  })).format(new Date(`${isoDate}T12:00:00Z`));
