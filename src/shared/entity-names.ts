import * as z from 'zod/mini';

/** Every kind of record that travels through sync. */
export const entityNames = [
  'observation',
  'protocol',
  'round',
  'round-progress',
  'visit',
  'visit-note',
  'shared-note',
  'reflection',
] as const;
export const Entity = z.enum(entityNames);
export type Entity = z.infer<typeof Entity>;
