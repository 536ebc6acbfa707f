import { Visit } from '../visits';
import type { EntityModule } from './entity-module';
import { checkKeyed, checkPinned } from './keyed';

export { Visit };

/** A peer visit offer or a coach invitation, pinned to a published protocol version. */
export const visitEntity: EntityModule<Visit> = {
  name: 'visit',
  schema: Visit,
  writable: true,
  check: (id, data, ctx) => checkPinned(checkKeyed(Visit, id, data), ctx),
};
