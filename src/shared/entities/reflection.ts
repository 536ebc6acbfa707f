import { Reflection } from '../visits';
import type { EntityModule } from './entity-module';
import { checkKeyed } from './keyed';

export { Reflection };

/** A host's or observer's reflection on a visit. */
export const reflectionEntity: EntityModule<Reflection> = {
  name: 'reflection',
  schema: Reflection,
  writable: true,
  check: async (id, data) => checkKeyed(Reflection, id, data),
};
