import { Round } from '../rounds';
import type { EntityModule } from './entity-module';
import { checkKeyed, checkPinned } from './keyed';

export { Round };

/** A planned walkthrough round, pinned to a published protocol version. */
export const roundEntity: EntityModule<Round> = {
  name: 'round',
  schema: Round,
  writable: true,
  check: (id, data, ctx) => checkPinned(checkKeyed(Round, id, data), ctx),
};
