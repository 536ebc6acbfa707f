import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import { recordStore } from '../../../src/client/data/record-store';

const now = new Date('2026-11-30T09:00:00Z');
const later = new Date('2026-11-30T09:05:00Z');

/** A small record shape: the store is generic, so any schema does. */
const Note = z.object({ id: z.string(), text: z.string().check(z.maxLength(10)) });
type Note = z.infer<typeof Note>;
const notes = recordStore('reflection', Note, {
  keyOf: (n) => n.id,
  missing: 'This note is not on this device',
});

describe('the generic record store', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`record-store-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('puts a checked record and its outbox row together, and reads it back', async () => {
    await notes.put(db, { id: 'n1', text: 'Hello' }, { now });
    expect(await notes.get(db, 'n1')).toEqual({ id: 'n1', text: 'Hello' });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({
        entity: 'reflection',
        entityId: 'n1',
        op: 'put',
        state: 'pending',
      }),
    ]);
  });

  it('refuses a record that does not fit its schema and stores nothing', async () => {
    await expect(
      notes.put(db, { id: 'n1', text: 'far too long a note' }, { now }),
    ).rejects.toThrow();
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('edits the stored copy in one transaction, folding into the unsent outbox row', async () => {
    await notes.put(db, { id: 'n1', text: 'a' }, { now });
    await Promise.all([
      notes.update(db, 'n1', (n) => ({ ...n, text: `${n.text}b` }), later),
      notes.update(db, 'n1', (n) => ({ ...n, text: `${n.text}c` }), later),
    ]);
    expect((await notes.get(db, 'n1'))?.text).toHaveLength(3);
    expect(await db.outbox.count()).toBe(1);
  });

  it('names the record when an edit finds no stored copy', async () => {
    await expect(notes.update(db, 'gone', (n) => n, now)).rejects.toThrow(
      'This note is not on this device',
    );
  });

  it('leaves out records it cannot read and those deleted, never casting them', async () => {
    await notes.put(db, { id: 'n1', text: 'kept' }, { now });
    await notes.put(db, { id: 'n2', text: 'deleted' }, { now });
    await notes.remove(db, 'n2', later);
    await db.records.put({
      entity: 'reflection',
      id: 'n3',
      data: { id: 'n3', text: 42 },
      rev: 1,
      deleted: 0,
      updatedAt: now.toISOString(),
    });
    expect(await notes.list(db)).toEqual([{ id: 'n1', text: 'kept' }]);
    expect(await notes.get(db, 'n2')).toBeNull();
    expect(await notes.get(db, 'n3')).toBeNull();
    expect(
      await db.outbox.where('[entity+entityId]').equals(['reflection', 'n2']).first(),
    ).toMatchObject({ op: 'delete' });
  });

  it('keeps to its own entity', async () => {
    await db.records.put({
      entity: 'visit',
      id: 'v1',
      data: { id: 'v1', text: 'a visit' },
      rev: 1,
      deleted: 0,
      updatedAt: now.toISOString(),
    });
    expect(await notes.list(db)).toEqual([]);
    expect(await notes.get(db, 'v1')).toBeNull();
  });

  it('says whether a record is waiting and why the server refused it', async () => {
    await notes.put(db, { id: 'n1', text: 'a' }, { now });
    expect(await notes.syncFacts(db, 'n1')).toEqual({ waiting: true, rejections: [] });
    await db.outbox
      .where('[entity+entityId]')
      .equals(['reflection', 'n1'])
      .modify({ state: 'rejected', errors: [{ path: 'text', message: 'Too short' }] });
    expect(await notes.syncFacts(db, 'n1')).toEqual({
      waiting: false,
      rejections: [{ path: 'text', message: 'Too short' }],
    });
  });
});
