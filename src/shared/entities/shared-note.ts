import { SharedNote } from '../visits';
import type { EntityModule } from './entity-module';
import { derivedOnly } from './keyed';

export { SharedNote };

/** The parts of a visit note its observer shared with the host: derived by the server. */
export const sharedNoteEntity: EntityModule<SharedNote> = {
  name: 'shared-note',
  schema: SharedNote,
  writable: false,
  check: derivedOnly,
};
