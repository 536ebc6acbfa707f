import { issuesToFields, type FieldIssue } from '../errors';
import { Observation } from '../observation';
import { checkAgainstProtocol } from '../observation-rules';
import { fail, type EntityModule } from './entity-module';

export { Observation };

/** A walkthrough note: its id matches the mutation, its answers fit its protocol version. */
export const observationEntity: EntityModule<Observation> = {
  name: 'observation',
  schema: Observation,
  writable: true,
  async check(id, data, ctx) {
    const parsed = Observation.safeParse(data);
    if (!parsed.success) return fail(issuesToFields(parsed.error));
    const errors: FieldIssue[] = [];
    if (parsed.data.id !== id) {
      errors.push({ path: 'id', message: 'Does not match the entity id of the mutation' });
    }
    const protocol = await ctx.findProtocol(parsed.data.protocolId, parsed.data.protocolVersion);
    errors.push(...checkAgainstProtocol(parsed.data, protocol));
    return errors.length > 0 ? fail(errors) : { ok: true, data: parsed.data };
  },
};
