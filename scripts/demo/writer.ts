import type { Kysely } from 'kysely';
import { membershipsOf } from '../../src/server/auth/repository';
import type { Database } from '../../src/server/db/schema';
import type { Actor } from '../../src/server/sync/access/actor';
import { pushFeatures, pushHooks } from '../../src/server/app';
import { applyPush } from '../../src/server/sync/push';
import type { Entity } from '../../src/shared/entity-names';
import type { FieldIssue } from '../../src/shared/errors';
import { PushRequest, type PushResult } from '../../src/shared/sync';
import { seededUuid, type Random } from './random';

/** A mutation the server refused: the demo stops, because every rule must hold. */
export class DemoRejected extends Error {
  constructor(
    readonly entity: string,
    readonly entityId: string,
    readonly errors: FieldIssue[],
  ) {
    super(
      `The server refused the demo's ${entity} ${entityId}: ${errors
        .map((e) => `${e.path}: ${e.message}`)
        .join('; ')}`,
    );
  }
}

export interface Change {
  entity: Entity;
  entityId: string;
  data: unknown;
}

/**
 * Writes demo records the way a tablet does: as `user`, through the server's push
 * (`applyPush`, every policy and check included), from that user's own device.
 */
export function demoWriter(db: Kysely<Database>, random: Random) {
  const devices = new Map<string, { clientId: string; seq: number }>();
  const revs = new Map<string, number>();
  const actors = new Map<string, Actor>();

  const actorFor = async (userId: string, districtAdmin: boolean): Promise<Actor> => {
    const known = actors.get(userId);
    if (known) return known;
    const actor = { userId, districtAdmin, memberships: await membershipsOf(db, userId) };
    actors.set(userId, actor);
    return actor;
  };

  /** Pushes the changes as one batch at time `at` and returns each result. */
  async function push(
    user: { id: string; districtAdmin: boolean },
    changes: readonly Change[],
    at: Date,
  ): Promise<PushResult[]> {
    const device = devices.get(user.id) ?? { clientId: seededUuid(random), seq: 0 };
    devices.set(user.id, device);
    const request = PushRequest.parse({
      clientId: device.clientId,
      mutations: changes.map((c) => {
        device.seq += 1;
        return {
          mutationId: seededUuid(random),
          clientId: device.clientId,
          clientSeq: device.seq,
          entity: c.entity,
          entityId: c.entityId,
          op: 'put',
          baseRev: revs.get(`${c.entity}:${c.entityId}`) ?? null,
          data: c.data,
          deviceTime: at.toISOString(),
        };
      }),
    });
    const actor = await actorFor(user.id, user.districtAdmin);
    const results = await applyPush(db, request, {
      now: () => at,
      actor,
      hooks: pushHooks,
      features: pushFeatures,
    });
    results.forEach((result, i) => {
      if (result.status === 'applied')
        revs.set(`${changes[i]!.entity}:${changes[i]!.entityId}`, result.rev);
    });
    return results;
  }

  /** Pushes and insists that every change is applied. */
  async function write(
    user: { id: string; districtAdmin: boolean },
    changes: readonly Change[],
    at: Date,
  ): Promise<void> {
    for (let i = 0; i < changes.length; i += 100) {
      const batch = changes.slice(i, i + 100);
      const results = await push(user, batch, at);
      results.forEach((result, j) => {
        if (result.status !== 'applied') {
          const change = batch[j]!;
          const errors =
            result.status === 'rejected'
              ? result.errors
              : [{ path: '(root)', message: `answered ${result.status}` }];
          throw new DemoRejected(change.entity, change.entityId, errors);
        }
      });
    }
  }

  return { push, write };
}
export type DemoWriter = ReturnType<typeof demoWriter>;
