import type { EntityData } from '../../../shared/entities';
import type { Entity } from '../../../shared/entity-names';
import { observationPolicy } from './observation-policy';
import { denied } from './placement';
import type { EntityPolicy } from './policy';
import { protocolPolicy } from './protocol-policy';
import { reflectionPolicy } from './reflection-policy';
import { roundPolicy } from './round-policy';
import { visitNotePolicy } from './visit-note-policy';
import { visitPolicy } from './visit-policy';

/** Written only by the server, as a consequence of another write. */
const derivedOnly = <T>(): EntityPolicy<T> => ({
  decide: async () => denied('entity', 'The server derives these records; they cannot be written'),
});

/** Every entity's write rules, in one place. */
export const policies: { [E in Entity]: EntityPolicy<EntityData<E>> } = {
  observation: observationPolicy,
  protocol: protocolPolicy,
  round: roundPolicy,
  'round-progress': derivedOnly(),
  visit: visitPolicy,
  'visit-note': visitNotePolicy,
  'shared-note': derivedOnly(),
  reflection: reflectionPolicy,
};
