import type { Entity } from '../../../shared/entity-names';
import { observationPolicy } from './observation-policy';
import { denied } from './placement';
import type { EntityPolicy } from './policy';
import { protocolPolicy } from './protocol-policy';
import { roundPolicy } from './round-policy';

/** Written only by the server, as a consequence of another write. */
const derivedOnly: EntityPolicy = {
  decide: async () => denied('entity', 'The server derives these records; they cannot be written'),
};

/** Until an entity's rules are written, nobody writes it: fail closed. */
const closed: EntityPolicy = {
  decide: async () => denied('entity', 'This kind of record cannot be written yet'),
};

/** Every entity's write rules, in one place. */
export const policies: Record<Entity, EntityPolicy> = {
  observation: observationPolicy,
  protocol: protocolPolicy,
  round: roundPolicy,
  'round-progress': derivedOnly,
  visit: closed,
  'visit-note': closed,
  'shared-note': derivedOnly,
  reflection: closed,
};
