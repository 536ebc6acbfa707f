import type { ResponseType } from './protocol';
import { responseKindRules, rulesOf, type ResponseValue } from './response-kinds/registry';

export { ResponseValue } from './response-kinds/registry';

/** Why a value does not fit its look-for's response type, or null when it does. */
export function responseProblem(type: ResponseType, value: ResponseValue): string | null {
  return rulesOf(type).problem(type, value);
}

/** Whether the value records anything (an empty text or no choice counts as unanswered). */
export function isAnswered(value: ResponseValue | undefined): boolean {
  if (value === undefined) return false;
  const owner = Object.values(responseKindRules).find((rules) => rules.owns(value));
  return owner ? owner.answered(value) : true;
}
