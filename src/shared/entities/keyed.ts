import type * as z from 'zod/mini';
import { issuesToFields, type FieldIssue } from '../errors';
import type { Observation } from '../observation';
import { checkAgainstProtocol } from '../observation-rules';
import { fail, type EntityCheck, type EntityContext } from './entity-module';

/** A record keyed by its own `id` field: the schema, then the id must match the mutation. */
export function checkKeyed<T extends { id: string }>(
  schema: z.ZodMiniType<T>,
  id: string,
  data: unknown,
): EntityCheck<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) return fail(issuesToFields(parsed.error));
  if (parsed.data.id !== id) {
    return fail([{ path: 'id', message: 'Does not match the entity id of the mutation' }]);
  }
  return { ok: true, data: parsed.data };
}

/** A round, a visit or a visit note is pinned to a published protocol version that exists. */
export async function checkPinned<T extends { protocolId: string; protocolVersion: number }>(
  check: EntityCheck<T>,
  ctx: EntityContext,
  responses: (data: T) => Observation['responses'] = () => ({}),
): Promise<EntityCheck<T>> {
  if (!check.ok) return check;
  const data = check.data;
  const protocol = await ctx.findProtocol(data.protocolId, data.protocolVersion);
  const errors = checkAgainstProtocol(
    {
      protocolId: data.protocolId,
      protocolVersion: data.protocolVersion,
      responses: responses(data),
    },
    protocol,
  );
  return errors.length > 0 ? fail(errors) : check;
}

/** A record only the server writes, derived from another: a device's write is refused. */
export const derivedOnly = async (): Promise<{ ok: false; errors: FieldIssue[] }> =>
  fail([{ path: 'entity', message: 'The server derives these records; they cannot be written' }]);
