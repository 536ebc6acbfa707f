import type { Entity } from '../entity-names';
import type { FieldIssue } from '../errors';
import type { EntityCheck, EntityContext } from './entity-module';
import { entityModules, type EntityData } from './registry';

export { parseStoredProtocol } from '../protocol';
export { Entity, entityNames } from '../entity-names';
export type { EntityCheck, EntityContext, EntityModule } from './entity-module';
export { entityModules, type EntityData } from './registry';

/** Validates a record's data for its entity: the schema first, then the cross-record rules. */
export function checkEntity<E extends Entity>(
  entity: E,
  entityId: string,
  data: unknown,
  ctx: EntityContext,
): Promise<EntityCheck<EntityData<E>>> {
  return entityModules[entity].check(entityId, data, ctx);
}

/** What may not be deleted: a protocol version that was published. */
export function deleteProblems(entity: Entity, current: unknown): FieldIssue[] {
  return entityModules[entity].deleteProblems?.(current) ?? [];
}
