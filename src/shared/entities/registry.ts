import type { Entity } from '../entity-names';
import type { EntityModule } from './entity-module';
import { observationEntity } from './observation';
import { protocolEntity } from './protocol';
import { reflectionEntity } from './reflection';
import { roundEntity } from './round';
import { roundProgressEntity } from './round-progress';
import { sharedNoteEntity } from './shared-note';
import { visitEntity } from './visit';
import { visitNoteEntity } from './visit-note';

const modules = {
  observation: observationEntity,
  protocol: protocolEntity,
  round: roundEntity,
  'round-progress': roundProgressEntity,
  visit: visitEntity,
  'visit-note': visitNoteEntity,
  'shared-note': sharedNoteEntity,
  reflection: reflectionEntity,
} satisfies Record<Entity, unknown>;

/** The data type of one entity, as its schema defines it. */
export type EntityData<E extends Entity> =
  (typeof modules)[E] extends EntityModule<infer T> ? T : never;

/**
 * Every synced entity's module, by name. Typed as a mapped type so that code generic
 * in the entity name (`entityModules[entity]` with `entity: E`) keeps `EntityData<E>`.
 */
export const entityModules: { [E in Entity]: EntityModule<EntityData<E>> } = modules;
