import { VisitNote } from '../visits';
import type { EntityModule } from './entity-module';
import { checkKeyed, checkPinned } from './keyed';

export { VisitNote };

/** An observer's notes on a visit: its answers fit the visit's protocol version. */
export const visitNoteEntity: EntityModule<VisitNote> = {
  name: 'visit-note',
  schema: VisitNote,
  writable: true,
  check: (id, data, ctx) =>
    checkPinned(checkKeyed(VisitNote, id, data), ctx, (note) => note.responses),
};
