import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import { deleteObservation, getObservation } from '../../../src/client/data/observations';
import { takeBatch } from '../../../src/client/data/outbox-batch';
import { writeRecord } from '../../../src/client/data/write-record';
import { observation } from '../../support/factories';

const now = new Date('2026-11-23T09:00:00Z');

describe('writing a record', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`write-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  it('writes the record and its outbox row together', async () => {
    const note = observation();
    await writeRecord(db, 'observation', note.id, note, { now });
    expect(await db.records.get(['observation', note.id])).toMatchObject({ data: note, rev: null });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ entityId: note.id, state: 'pending', baseRev: null, data: note }),
    ]);
  });

  it('writes neither when the outbox row cannot be written', async () => {
    const note = observation();
    db.outbox.hook('creating', () => {
      throw new Error('quota exceeded');
    });
    await expect(writeRecord(db, 'observation', note.id, note, { now })).rejects.toThrow();
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('folds edits into the one row that has not been sent', async () => {
    const note = observation();
    for (const notes of ['a', 'ab', 'abc']) {
      await writeRecord(db, 'observation', note.id, { ...note, notes }, { now });
    }
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data).toMatchObject({ notes: 'abc' });
  });

  it('never changes a row once it has been sent; the next edit gets its own row', async () => {
    const note = observation();
    await writeRecord(db, 'observation', note.id, note, { now });
    const sent = await takeBatch(db, crypto.randomUUID(), 10);
    await writeRecord(db, 'observation', note.id, { ...note, notes: 'later' }, { now });

    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.state)).toEqual(['sent', 'pending']);
    expect(rows[0]?.data).toEqual(sent.mutations[0]?.data);
    expect(rows[0]?.mutationId).toBe(sent.mutations[0]?.mutationId);
  });

  it('sends at most one row per record in a batch', async () => {
    const note = observation();
    const other = observation();
    await writeRecord(db, 'observation', note.id, note, { now });
    await takeBatch(db, crypto.randomUUID(), 10);
    await writeRecord(db, 'observation', note.id, { ...note, notes: 'x' }, { now });
    await writeRecord(db, 'observation', other.id, other, { now });
    const batch = await takeBatch(db, crypto.randomUUID(), 10);
    expect(batch.mutations.map((m) => m.entityId)).toEqual([note.id, other.id]);
    expect(batch.mutations[0]?.data).toEqual(note);
  });
});

describe('deleting an observation', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`delete-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  it('leaves a tombstone and turns the unsent row into one delete', async () => {
    const note = observation();
    await writeRecord(db, 'observation', note.id, note, { now });
    await deleteObservation(db, note.id, now);
    expect(await db.records.get(['observation', note.id])).toMatchObject({
      deleted: 1,
      data: null,
      rev: null,
    });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ entityId: note.id, op: 'delete', data: null, state: 'pending' }),
    ]);
    expect(await getObservation(db, note.id)).toBeNull();
  });

  it('sends the delete as a row of its own after a sent row, resting on the same base', async () => {
    const note = observation();
    await writeRecord(db, 'observation', note.id, note, { now });
    const sent = await takeBatch(db, crypto.randomUUID(), 10);
    await deleteObservation(db, note.id, now);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.mutationId, r.op, r.state])).toEqual([
      [sent.rows[0]!.mutationId, 'put', 'sent'],
      [expect.any(String), 'delete', 'pending'],
    ]);
  });

  it('deletes once: a second delete of the tombstone writes nothing', async () => {
    const note = observation();
    await writeRecord(db, 'observation', note.id, note, { now });
    await takeBatch(db, crypto.randomUUID(), 10);
    await deleteObservation(db, note.id, now);
    await deleteObservation(db, note.id, now);
    expect(await db.outbox.count()).toBe(2);
  });
});
