import * as z from 'zod/mini';

/**
 * Markup has no place in look-for text; refusing it keeps imported files inert
 * everywhere. "<" followed by a space opens no tag, so "x < y" stays allowed.
 */
const markup = /<\/?[a-z!?]/i;

/** A trimmed single-purpose text field with a readable label in every message. */
export function plainText(label: string, min: number, max: number) {
  return z.string({ error: `${label} must be text` }).check(
    z.trim(),
    z.minLength(min, { error: min === 1 ? `${label} is required` : `${label} is too short` }),
    z.maxLength(max, { error: `${label} is at most ${max.toLocaleString('en')} characters` }),
    z.refine((s) => !markup.test(s), { error: `${label} cannot contain HTML tags` }),
  );
}

/** Stable ids: lowercase letters, digits and dashes. */
export function slug(label: string, max = 64) {
  return z.string({ error: `${label} must be text` }).check(
    z.regex(new RegExp(`^[a-z0-9][a-z0-9-]{0,${max - 1}}$`), {
      error: `${label} uses lowercase letters, digits and dashes (at most ${max})`,
    }),
  );
}

export function hasUniqueIds(items: ReadonlyArray<{ id: string }>): boolean {
  return new Set(items.map((i) => i.id)).size === items.length;
}
