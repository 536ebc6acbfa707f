import * as z from 'zod/mini';
import { safeText } from '../text-rules';

/**
 * Low-inference nudges. Rounds and peer visits depend on evidence that describes
 * what was seen and heard, not on judgement. While an observer types, words that
 * judge are marked with a suggestion; nothing is ever refused or blocked.
 */
export const NudgeWord = z.object({
  /** A word or phrase, matched as whole words, in any case, across any spacing. */
  phrase: z
    .string()
    .check(
      z.trim(),
      z.minLength(2, { error: 'A nudge word needs at least 2 characters' }),
      z.maxLength(40, { error: 'A nudge word is at most 40 characters' }),
      safeText('Nudge word'),
    ),
  suggestion: z
    .string()
    .check(
      z.maxLength(140, { error: 'A suggestion is at most 140 characters' }),
      safeText('Suggestion'),
    ),
  /** Words that, right after the phrase, make it description ("engaged in partner talk"). */
  unlessFollowedBy: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(20)))),
});
export type NudgeWord = z.infer<typeof NudgeWord>;

export const NudgeList = z
  .array(NudgeWord)
  .check(z.maxLength(200, { error: 'A nudge list has at most 200 words' }));
export type NudgeList = z.infer<typeof NudgeList>;

const ask = 'What did you see or hear?';
const praise = `${ask} Name what students said or did.`;

/**
 * The starter list of judgement words: the one list both the starter protocols
 * (none of their text, hints or labels may use one: test/shared/starter-library.test.ts)
 * and the note nudges use. A school edits its own copy.
 */
export const STARTER_NUDGES: NudgeList = [
  ...['great', 'excellent', 'amazing', 'awesome', 'wonderful', 'fantastic', 'perfect'].map(
    (phrase) => ({ phrase, suggestion: praise }),
  ),
  ...['good job', 'nice job', 'well done', 'good lesson', 'great lesson'].map((phrase) => ({
    phrase,
    suggestion: praise,
  })),
  ...['good', 'best', 'strong', 'exemplary', 'effective', 'rigorous', 'engaging'].map((phrase) => ({
    phrase,
    suggestion: `${ask} Describe what made it so.`,
  })),
  ...['appropriate', 'inappropriate', 'high-quality', 'low-quality', 'ineffective'].map(
    (phrase) => ({ phrase, suggestion: `${ask} Describe the moment, not a verdict.` }),
  ),
  ...['poor', 'bad', 'terrible', 'weak', 'boring', 'chaotic', 'messy'].map((phrase) => ({
    phrase,
    suggestion: `${ask} Describe the moment, not a verdict.`,
  })),
  ...['lazy', 'unprepared', 'disorganized', 'disorganised', 'unmotivated'].map((phrase) => ({
    phrase,
    suggestion: `${ask} Describe what people were doing, not what they are like.`,
  })),
  ...['should have', 'should’ve', 'needs to', 'failed to'].map((phrase) => ({
    phrase,
    suggestion: 'Write what happened; keep advice for a wondering ("I wonder…").',
  })),
  {
    phrase: 'engaged',
    suggestion: `${ask} Engaged in what: name the talk, task or work you saw.`,
    unlessFollowedBy: ['in', 'with', 'by', 'on', 'during'],
  },
  {
    phrase: 'disengaged',
    suggestion: `${ask} Say what students were doing instead.`,
  },
];

export interface Nudge {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** The text as the observer typed it. */
  text: string;
  suggestion: string;
}

const letters = '\\p{L}\\p{N}\\p{M}';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Straight and curly apostrophes are one; any run of spacing is one space. */
const pattern = (phrase: string) =>
  phrase
    .trim()
    .split(/\s+/)
    .map((w) => escape(w).replace(/['’]/g, "['’]"))
    .join('\\s+');

interface Compiled {
  regex: RegExp;
  word: NudgeWord;
  unless: RegExp | null;
}

function compile(list: NudgeList): Compiled[] {
  return list.map((word) => ({
    regex: new RegExp(`(?<![${letters}])${pattern(word.phrase)}(?![${letters}])`, 'giu'),
    word,
    unless:
      word.unlessFollowedBy && word.unlessFollowedBy.length > 0
        ? new RegExp(
            `^\\s+(?:${word.unlessFollowedBy.map(pattern).join('|')})(?![${letters}])`,
            'iu',
          )
        : null,
  }));
}

const cache = new WeakMap<NudgeList, Compiled[]>();

/** The judgement words in `text`, in order, longest first where two start together. */
export function findNudges(text: string, list: NudgeList = STARTER_NUDGES): Nudge[] {
  let compiled = cache.get(list);
  if (!compiled) {
    compiled = compile(list);
    cache.set(list, compiled);
  }
  const found: Nudge[] = [];
  for (const { regex, word, unless } of compiled) {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) {
      const end = m.index + m[0].length;
      if (unless?.test(text.slice(end))) continue;
      found.push({ start: m.index, end, text: m[0], suggestion: word.suggestion });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Nudge[] = [];
  for (const n of found) {
    const last = kept[kept.length - 1];
    if (!last || n.start >= last.end) kept.push(n);
  }
  return kept;
}
