import type { Mutation } from '../../../shared/sync';

/** No Lookfor record is nested this deep; its records go four or five levels down. */
export const MAX_DATA_DEPTH = 32;
/** A rejected payload larger than this is kept cut short (the body limit is 5 MB). */
const MAX_KEPT_CHARS = 1024 * 1024;

/** Whether a value is nested deeper than `limit`, found without recursion. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

export const tooDeep = (m: Mutation) => nestedDeeperThan(m.data, MAX_DATA_DEPTH);

export const tooDeepMessage = `Nested more than ${MAX_DATA_DEPTH} levels deep: this is not a record Lookfor keeps`;

// Control characters: PostgreSQL refuses a NUL byte in text, and no id Lookfor makes has one.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const EVERY_CONTROL = /[\u0000-\u001f\u007f]/g;

/** An id no store can be trusted to keep as given. */
export const unsafeId = (m: Mutation) => CONTROL.test(m.entityId);

export const unsafeIdMessage = 'The id holds control characters; Lookfor makes ids without them';

/** The id as it can be stored beside a refused mutation. */
export const storableId = (id: string) => id.replace(EVERY_CONTROL, '\uFFFD');

/**
 * What is kept of a refused mutation for review: the whole of it when it can be
 * written out, else everything but its data, with the reason it was cut short. No
 * payload, however malformed, can stop the batch it came in.
 */
export function keptPayload(mutation: Mutation): unknown {
  const { data: _data, ...rest } = mutation;
  const envelope = { ...rest, entityId: storableId(rest.entityId) };
  if (tooDeep(mutation)) return { ...envelope, truncated: `data ${tooDeepMessage}` };
  try {
    const text = JSON.stringify(mutation);
    if (text.length <= MAX_KEPT_CHARS)
      return unsafeId(mutation) ? { ...mutation, ...envelope } : mutation;
    return {
      ...envelope,
      truncated: `data of ${text.length} characters, kept to ${MAX_KEPT_CHARS}`,
      dataStart: text.slice(0, MAX_KEPT_CHARS),
    };
  } catch (error) {
    return { ...envelope, truncated: `data could not be written out: ${String(error)}` };
  }
}
