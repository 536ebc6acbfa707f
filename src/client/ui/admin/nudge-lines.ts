import type { NudgeList, NudgeWord } from '../../../shared/evidence/nudges';

/** What a word without a suggestion of its own asks. */
export const DEFAULT_SUGGESTION = 'What did you see or hear?';

/** A list as the box shows it: "phrase: suggestion", one a line. */
export const linesOf = (list: NudgeList): string =>
  list.map((w) => (w.suggestion ? `${w.phrase}: ${w.suggestion}` : w.phrase)).join('\n');

/**
 * The box's lines as a list. A line is "phrase" or "phrase: suggestion"; blank lines
 * are skipped. A phrase already on the list keeps its exceptions ("engaged in …").
 */
export function listOf(text: string, before: NudgeList): NudgeList {
  const known = new Map(before.map((w) => [w.phrase.toLowerCase(), w]));
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line): NudgeWord => {
      const at = line.indexOf(':');
      const phrase = (at < 0 ? line : line.slice(0, at)).trim();
      const suggestion = (at < 0 ? '' : line.slice(at + 1)).trim() || DEFAULT_SUGGESTION;
      const unless = known.get(phrase.toLowerCase())?.unlessFollowedBy;
      return unless ? { phrase, suggestion, unlessFollowedBy: unless } : { phrase, suggestion };
    });
}
