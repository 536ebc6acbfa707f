import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openLookforDb } from '../../../src/client/data/db';
import { listObservationPage } from '../../../src/client/data/observation-page';
import { roundProgress } from '../../../src/client/data/rounds';
import { BIG_ROUND_ID, yearsOfNotes } from '../../support/device-scale';
import { round, TEST_USER_ID } from '../../support/factories';

/** The schema as version 1 shipped it, copied here so the test never follows later edits. */
function openVersion1(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({
    records: '[entity+id], entity, updatedAt',
    outbox: '++seq, &mutationId, [entity+entityId], state',
    conflicts: '&id, [entity+entityId], resolved',
    meta: '&key',
  });
  return db;
}

describe('upgrading a device from database version 1', () => {
  it('keeps every record, outbox row, conflict and meta value, and indexes the old notes', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openVersion1(name);
    const notes = Array.from({ length: 400 }, (_, i) => yearsOfNotes(i));
    const plan = round({ id: BIG_ROUND_ID });
    const records = [
      ...notes.map((o) => ({
        entity: 'observation',
        id: o.id,
        data: o,
        rev: 1,
        deleted: 0,
        updatedAt: o.startedAt,
      })),
      { entity: 'round', id: plan.id, data: plan, rev: 2, deleted: 0, updatedAt: plan.updatedAt },
      { entity: 'round-progress', id: plan.id, data: null, rev: 3, deleted: 1, updatedAt: '' },
    ];
    const outbox = notes.slice(0, 5).map((o, i) => ({
      mutationId: crypto.randomUUID(),
      entity: 'observation',
      entityId: o.id,
      op: 'put',
      baseRev: 1,
      data: o,
      deviceTime: '2026-11-23T12:00:00.000Z',
      state: i === 0 ? 'rejected' : 'pending',
      attempts: i,
    }));
    const conflict = {
      id: crypto.randomUUID(),
      entity: 'observation',
      entityId: notes[7]?.id,
      baseRev: 1,
      data: notes[7],
      createdAt: '2026-11-23T12:00:00.000Z',
      resolved: 0,
    };
    await old.table('records').bulkAdd(records);
    await old.table('outbox').bulkAdd(outbox);
    await old.table('conflicts').add(conflict);
    await old.table('meta').bulkAdd([
      { key: 'cursor', value: 1234 },
      { key: 'clientId', value: 'device-1' },
    ]);
    const before = {
      records: await old.table('records').toArray(),
      outbox: await old.table('outbox').toArray(),
      conflicts: await old.table('conflicts').toArray(),
      meta: await old.table('meta').toArray(),
    };
    old.close();

    const db = openLookforDb(name);
    expect(await db.records.toArray()).toEqual(before.records);
    expect(await db.outbox.toArray()).toEqual(before.outbox);
    expect(await db.conflicts.toArray()).toEqual(before.conflicts);
    expect(await db.meta.toArray()).toEqual(before.meta);
    // Version 3 (photos) comes along: an empty photos table, nothing else touched.
    expect(db.verno).toBe(3);
    expect(await db.photos.count()).toBe(0);

    // The new indexes cover the notes stored before the upgrade.
    const page = await listObservationPage(db, {}, 10);
    expect(page.views.map((v) => v.observation.id)).toEqual(notes.slice(0, 10).map((o) => o.id));
    expect(page.views[0]?.syncState).toBe('rejected');
    const progress = await roundProgress(db, BIG_ROUND_ID, TEST_USER_ID);
    expect(progress.visitedRoomIds).toHaveLength(20);
    db.close();
  });
});
