import { findBuiltinProtocol } from '../builtin-protocols';
import { issuesToFields } from '../errors';
import { Protocol, protocolKey, protocolSchemaFor } from '../protocol';
import { publishProblems, transitionProblems } from '../protocol-rules';
import { fail, type EntityModule } from './entity-module';

export { Protocol };

const statusOf = (data: unknown): unknown =>
  typeof data === 'object' && data !== null && 'status' in data ? data.status : undefined;

/**
 * One version of a protocol, keyed `id.vN`: a draft is checked as a draft, any
 * other status as a finished protocol; published versions never change and the
 * starter library is never overwritten.
 */
export const protocolEntity: EntityModule<Protocol> = {
  name: 'protocol',
  schema: Protocol,
  writable: true,
  async check(id, data, ctx) {
    const parsed = protocolSchemaFor(statusOf(data)).safeParse(data);
    if (!parsed.success) return fail(issuesToFields(parsed.error));
    const next = parsed.data;
    if (protocolKey(next.id, next.version) !== id) {
      return fail([{ path: 'id', message: `Does not match the entity id ${id}` }]);
    }
    if (findBuiltinProtocol(next.id, next.version)) {
      return fail([
        {
          path: 'version',
          message: 'The starter version never changes; edit it to make a new version',
        },
      ]);
    }
    const storedStatus = statusOf(ctx.current);
    const stored = protocolSchemaFor(storedStatus).safeParse(ctx.current);
    if (ctx.current !== null && !stored.success && storedStatus !== 'draft') {
      // A stored version this server cannot read is never overwritten.
      return fail([
        { path: 'status', message: 'The stored version cannot be read, so it is kept as it is' },
      ]);
    }
    const errors = [
      ...transitionProblems(stored.success ? stored.data : null, next),
      ...(next.status === 'draft' ? [] : publishProblems(next)),
    ];
    return errors.length > 0 ? fail(errors) : { ok: true, data: next };
  },
  /** A published version is archived, never deleted. */
  deleteProblems(current) {
    if (current === null || current === undefined) return [];
    return statusOf(current) === 'draft'
      ? []
      : [{ path: 'status', message: 'A published protocol is archived, never deleted' }];
  },
};
