import * as z from 'zod/mini';
import { choiceResults, choiceRules, choiceType, choiceValue } from './choice';
import type { KindResults, KindRules, NamedList } from './kind-rules';
import { quoteResults, quoteRules, quoteType, quoteValue } from './quote';
import { scaleResults, scaleRules, scaleType, scaleValue } from './scale';
import { seenResults, seenRules, seenType, seenValue } from './seen';
import { tallyResults, tallyRules, tallyType, tallyValue } from './tally';
import { textResults, textRules, textType, textValue } from './text';

/**
 * Every response kind, one module each (src/shared/response-kinds/<kind>.ts).
 * A new kind is added here in three places: the type union, the answer union and
 * the rules map; the compiler then names every other map it must fill (the
 * capture screen's inputs in src/client/ui/capture/kinds/registry.ts).
 */

/** A look-for's response type, at the protocol's strength (drafts may hold fewer levels). */
export const responseTypeSchema = (namedList: NamedList) =>
  z.discriminatedUnion('kind', [
    seenType(),
    scaleType(namedList),
    tallyType(),
    choiceType(namedList),
    textType(),
    quoteType(),
  ]);
type AnyResponseType = z.infer<ReturnType<typeof responseTypeSchema>>;
export type ResponseKind = AnyResponseType['kind'];
/** The response type of one kind (a scale's, with its levels). */
export type ResponseTypeOf<K extends ResponseKind> = Extract<AnyResponseType, { kind: K }>;

/**
 * What an observer recorded for one look-for. Seen answers stay plain strings (the
 * first shipped shape); the other kinds are small tagged objects.
 */
export const ResponseValue = z.union([
  seenValue,
  scaleValue,
  tallyValue,
  choiceValue,
  textValue,
  quoteValue,
]);
export type ResponseValue = z.infer<typeof ResponseValue>;

export const responseKindRules: { [K in ResponseKind]: KindRules<ResponseTypeOf<K>> } = {
  seen: seenRules,
  scale: scaleRules,
  tally: tallyRules,
  choice: choiceRules,
  text: textRules,
  quote: quoteRules,
};

/** Every kind, in the order the protocol editor offers them. */
export const responseKinds = Object.keys(responseKindRules) as ResponseKind[];

/** The rules of a type's own kind. */
export function rulesOf<T extends AnyResponseType>(type: T): KindRules<T> {
  // TypeScript cannot tie a union member to its entry of a mapped record; the map's
  // type above is what guarantees each kind's rules take that kind's type.
  return responseKindRules[type.kind] as unknown as KindRules<T>;
}

/** What the dashboard makes of each kind (tree-shaken off the first screen, which never reads it). */
export const responseKindResults: Record<ResponseKind, KindResults> = {
  seen: seenResults,
  scale: scaleResults,
  tally: tallyResults,
  choice: choiceResults,
  text: textResults,
  quote: quoteResults,
};

/** The dashboard rules of a kind named by a look-for of the dashboard's catalogue. */
export const resultsOfKind = (kind: ResponseKind): KindResults => responseKindResults[kind];
