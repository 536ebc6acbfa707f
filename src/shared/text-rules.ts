import * as z from 'zod/mini';

/**
 * Markup has no place in look-for text; refusing it keeps imported files inert
 * everywhere. "<" followed by a space opens no tag, so "x < y" stays allowed.
 */
const markup = /<\/?[a-z!?]/i;

/* eslint-disable no-control-regex -- control characters are what these find */
/** Characters that hide or reorder what a reader sees, or that no store keeps intact. */
const lineControls = /[\u0000-\u001f\u007f]/;
const textControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */
const bidiOverrides = /[\u202a-\u202e\u2066-\u2069]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a text from outside is refused, or null: control characters (line breaks and
 * tabs are allowed in `multiline` text), bidirectional overrides that would show a
 * name or a note other than it is stored, and lone surrogates (half a character).
 */
export function unsafeTextProblem(text: string, multiline: boolean): string | null {
  if ((multiline ? textControls : lineControls).test(text)) return 'control characters';
  if (bidiOverrides.test(text)) return 'characters that reverse the text’s direction';
  if (loneSurrogate.test(text)) return 'a broken character';
  return null;
}

/** A zod check refusing what `unsafeTextProblem` finds, naming the field. */
export const safeText = (label: string, multiline = false) =>
  z.superRefine((text: string, ctx) => {
    const problem = unsafeTextProblem(text, multiline);
    if (problem) ctx.addIssue({ code: 'custom', message: `${label} cannot contain ${problem}` });
  });

/**
 * "10,000": a count as the messages say it. Not `toLocaleString`: every schema
 * module builds its messages when it loads, and an Intl formatter per field made
 * the app's start measurably slower on a tablet.
 */
export const withThousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** A trimmed single-purpose text field with a readable label in every message. */
export function plainText(label: string, min: number, max: number) {
  return z.string({ error: `${label} must be text` }).check(
    z.trim(),
    z.minLength(min, { error: min === 1 ? `${label} is required` : `${label} is too short` }),
    z.maxLength(max, { error: `${label} is at most ${withThousands(max)} characters` }),
    z.refine((s) => !markup.test(s), { error: `${label} cannot contain HTML tags` }),
    // Hints and purposes run over several lines; line breaks and tabs stay allowed.
    safeText(label, true),
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
