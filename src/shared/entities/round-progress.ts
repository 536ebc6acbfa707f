import { RoundProgress } from '../rounds';
import type { EntityModule } from './entity-module';
import { derivedOnly } from './keyed';

export { RoundProgress };

/** The rooms of a round visited so far: the server derives it from finished visits. */
export const roundProgressEntity: EntityModule<RoundProgress> = {
  name: 'round-progress',
  schema: RoundProgress,
  writable: false,
  check: derivedOnly,
};
