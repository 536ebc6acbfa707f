import * as z from 'zod/mini';
import { seenFigure } from '../aggregates/seen';
import { noFact, numberCell, type KindResults, type KindRules } from './kind-rules';

/** The three answers of a seen / not seen / n.a. look-for (the first shipped shape: a plain string). */
export const SeenResponse = z.enum(['seen', 'not_seen', 'na']);
export type SeenResponse = z.infer<typeof SeenResponse>;

export const responseLabels: Record<SeenResponse, string> = {
  seen: 'Seen',
  not_seen: 'Not seen',
  na: 'N/A',
};

export const seenType = () => z.object({ kind: z.literal('seen') });
export type SeenType = z.infer<ReturnType<typeof seenType>>;
export const seenValue = SeenResponse;

export const seenRules: KindRules<SeenType> = {
  label: 'Seen / not seen / N/A',
  owns: (value) => typeof value === 'string',
  problem: (_type, value) => (typeof value === 'string' ? null : 'Expected seen, not seen or N/A'),
  answered: () => true,
};

/** What the dashboard and the results CSV make of this kind's answers (off the first screen). */
export const seenResults: KindResults = {
  fact: (value) =>
    typeof value === 'string'
      ? {
          ...noFact,
          answer: value,
          seen: value === 'seen' ? 1 : 0,
          notSeen: value === 'not_seen' ? 1 : 0,
          na: value === 'na' ? 1 : 0,
        }
      : null,
  figure: (counts, _entry, threshold) => seenFigure(counts, threshold),
  csvCells: (f, hidden) => {
    if (f.kind !== 'seen') return {};
    if (f.share.suppressed) {
      return { 'N/A': numberCell(f.na), Seen: hidden, 'Not seen': hidden, 'Percent seen': hidden };
    }
    return {
      'N/A': numberCell(f.na),
      Seen: numberCell(f.seen),
      'Not seen': numberCell(f.notSeen),
      'Percent seen': f.share.allNa ? 'all N/A' : numberCell(f.share.percentSeen),
    };
  },
};
