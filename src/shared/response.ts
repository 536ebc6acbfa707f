import * as z from 'zod/mini';
import { SeenResponse, type ResponseType } from './protocol';

/**
 * What an observer recorded for one look-for. Seen answers stay plain strings (the
 * first shipped shape); the other kinds are small tagged objects.
 */
export const ResponseValue = z.union([
  SeenResponse,
  z.object({ level: z.string().check(z.maxLength(40)) }),
  z.object({ count: z.int().check(z.gte(0), z.lte(9999)) }),
  z.object({ choices: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)) }),
  z.object({ text: z.string().check(z.maxLength(2000, { error: 'At most 2,000 characters' })) }),
  z.object({ quote: z.string().check(z.maxLength(2000, { error: 'At most 2,000 characters' })) }),
]);
export type ResponseValue = z.infer<typeof ResponseValue>;

/** Why a value does not fit its look-for's response type, or null when it does. */
export function responseProblem(type: ResponseType, value: ResponseValue): string | null {
  const is = (key: string) => typeof value === 'object' && key in value;
  switch (type.kind) {
    case 'seen':
      return typeof value === 'string' ? null : 'Expected seen, not seen or N/A';
    case 'scale':
      if (!is('level')) return 'Expected a level of the scale';
      return type.levels.some((l) => l.id === (value as { level: string }).level)
        ? null
        : 'Not a level of this scale';
    case 'tally':
      return is('count') ? null : 'Expected a count';
    case 'choice': {
      if (!is('choices')) return 'Expected a choice';
      const chosen = (value as { choices: string[] }).choices;
      if (!type.multiple && chosen.length > 1) return 'Only one option may be chosen';
      if (new Set(chosen).size !== chosen.length) return 'Each option may be chosen once';
      return chosen.every((c) => type.options.some((o) => o.id === c))
        ? null
        : 'Not an option of this choice';
    }
    case 'text':
      return is('text') ? null : 'Expected text';
    case 'quote':
      return is('quote') ? null : 'Expected a quote';
  }
}

/** Whether the value records anything (an empty text or no choice counts as unanswered). */
export function isAnswered(value: ResponseValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return true;
  if ('text' in value) return value.text.trim() !== '';
  if ('quote' in value) return value.quote.trim() !== '';
  if ('choices' in value) return value.choices.length > 0;
  return true;
}
