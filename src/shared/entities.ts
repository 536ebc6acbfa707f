import * as z from 'zod/mini';
import { findProtocol } from './builtin-protocols';
import { issuesToFields, type FieldIssue } from './errors';
import { Observation } from './observation';
import { checkAgainstProtocol } from './observation-rules';

/** Every kind of record that travels through sync. Later issues add protocols, visits, rounds. */
export const entityNames = ['observation'] as const;
export const Entity = z.enum(entityNames);
export type Entity = z.infer<typeof Entity>;

export type EntityCheck = { ok: true; data: Observation } | { ok: false; errors: FieldIssue[] };

/** Validates a record's data for its entity: the schema first, then the cross-record rules. */
export function checkEntity(entity: Entity, entityId: string, data: unknown): EntityCheck {
  switch (entity) {
    case 'observation': {
      const parsed = Observation.safeParse(data);
      if (!parsed.success) return { ok: false, errors: issuesToFields(parsed.error) };
      const errors: FieldIssue[] = [];
      if (parsed.data.id !== entityId) {
        errors.push({ path: 'id', message: 'Does not match the entity id of the mutation' });
      }
      errors.push(
        ...checkAgainstProtocol(
          parsed.data,
          findProtocol(parsed.data.protocolId, parsed.data.protocolVersion),
        ),
      );
      return errors.length > 0 ? { ok: false, errors } : { ok: true, data: parsed.data };
    }
  }
}
