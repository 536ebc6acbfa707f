import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLookforDb, type LookforDb, type OutboxRow } from '../../../src/client/data/db';
import { applyPushResults, takeBatch } from '../../../src/client/data/outbox-batch';
import type { Observation } from '../../../src/shared/observation';
import type { PushResult } from '../../../src/shared/sync';
import { observation } from '../../support/factories';

const clientId = crypto.randomUUID();

function outboxRow(note: Observation, overrides: Partial<OutboxRow> = {}): OutboxRow {
  return {
    mutationId: crypto.randomUUID(),
    entity: 'observation',
    entityId: note.id,
    op: 'put',
    baseRev: null,
    data: note,
    deviceTime: '2026-11-23T09:00:00.000Z',
    state: 'pending',
    attempts: 0,
    ...overrides,
  };
}

/** Stores notes the way writeRecord leaves them: each record with its outbox row. */
async function waiting(db: LookforDb, notes: Observation[], rev: number | null = null) {
  await db.records.bulkPut(
    notes.map((n) => ({
      entity: 'observation' as const,
      id: n.id,
      data: n,
      rev,
      deleted: 0 as const,
      updatedAt: '2026-11-23T09:00:00.000Z',
    })),
  );
  await db.outbox.bulkAdd(notes.map((n) => outboxRow(n, { baseRev: rev })));
}

const applied = (row: OutboxRow, rev: number): PushResult => ({
  mutationId: row.mutationId,
  status: 'applied',
  rev,
  serverSeq: rev,
});

describe('taking a batch from the outbox', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`batch-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  it('takes at most the given number of rows, oldest first, and freezes them as sent', async () => {
    const notes = Array.from({ length: 12 }, () => observation());
    await waiting(db, notes);

    const batch = await takeBatch(db, clientId, 5);
    expect(batch.mutations.map((m) => m.entityId)).toEqual(notes.slice(0, 5).map((n) => n.id));
    expect(batch.rows.every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
    const stored = await db.outbox.orderBy('seq').toArray();
    expect(stored.map((r) => r.state)).toEqual([
      ...Array(5).fill('sent'),
      ...Array(7).fill('pending'),
    ]);
  });

  it('stops before the byte bound, but always takes one row even if it alone is larger', async () => {
    const notes = Array.from({ length: 6 }, (_, i) => observation({ notes: `${i}`.repeat(1000) }));
    await waiting(db, notes);
    const size = JSON.stringify((await takeBatch(db, clientId, 1)).mutations[0]).length + 1;

    const three = await takeBatch(db, clientId, 500, size * 3 + 10);
    expect(three.mutations.map((m) => m.entityId)).toEqual(notes.slice(0, 3).map((n) => n.id));

    const one = await takeBatch(db, clientId, 500, 10);
    expect(one.mutations.map((m) => m.entityId)).toEqual([notes[0]!.id]);
    expect(await db.outbox.where('state').equals('sent').count()).toBe(3);
  });

  it('counts bytes, not characters, for notes written in other scripts', async () => {
    const ascii = observation({ notes: 'a'.repeat(900) });
    const greek = observation({ notes: 'α'.repeat(900) });
    await waiting(db, [ascii, greek]);
    const asciiSize = JSON.stringify((await takeBatch(db, clientId, 1)).mutations[0]).length + 1;

    const batch = await takeBatch(db, clientId, 500, asciiSize * 2 + 100);
    expect(batch.mutations.map((m) => m.entityId)).toEqual([ascii.id]);
  });

  it('skips rejected rows and later rows of a record already in the batch, across pages', async () => {
    const [a, b, c, d] = Array.from({ length: 4 }, () => observation());
    await db.outbox.bulkAdd([
      outboxRow(a!),
      outboxRow(a!, { data: { ...a!, notes: 'later' } }),
      outboxRow(b!, { state: 'rejected', errors: [{ path: 'notes', message: 'too long' }] }),
      outboxRow(b!, { data: { ...b!, notes: 'fixed' } }),
      outboxRow(c!),
      outboxRow(d!),
    ]);

    const batch = await takeBatch(db, clientId, 3);
    expect(batch.mutations.map((m) => [m.entityId, m.clientSeq])).toEqual([
      [a!.id, 1],
      [b!.id, 4],
      [c!.id, 5],
    ]);
    const states = (await db.outbox.orderBy('seq').toArray()).map((r) => r.state);
    expect(states).toEqual(['sent', 'pending', 'rejected', 'sent', 'sent', 'pending']);
  });

  it('sends the same mutation again when a sent row is taken a second time', async () => {
    const note = observation();
    await waiting(db, [note]);
    const first = await takeBatch(db, clientId, 10);
    const again = await takeBatch(db, clientId, 10);
    expect(again.mutations).toEqual(first.mutations);
    expect(again.rows[0]?.attempts).toBe(2);
  });
});

describe('applying push results in bulk', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`results-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  it('settles thousands of rows in batches: applied, rejected, conflicts and edits waiting behind', async () => {
    const notes = Array.from({ length: 3000 }, (_, i) => observation({ room: `Room ${i}` }));
    await waiting(db, notes, 1);
    // Every hundredth record was edited again after its first row: that row must wait.
    const edited = notes.filter((_, i) => i % 100 === 0);
    await db.outbox.bulkAdd(
      edited.map((n) => outboxRow(n, { baseRev: 1, data: { ...n, notes: 'second edit' } })),
    );

    const rejectedIds = new Set(notes.filter((_, i) => i % 7 === 3).map((n) => n.id));
    const conflictIds = new Set(
      notes.filter((_, i) => i % 11 === 5 && i % 7 !== 3).map((n) => n.id),
    );
    let batches = 0;
    for (;;) {
      const batch = await takeBatch(db, clientId, 500);
      if (batch.rows.length === 0) break;
      batches += 1;
      expect(batch.rows.length).toBeLessThanOrEqual(500);
      expect(new Set(batch.mutations.map((m) => m.entityId)).size).toBe(batch.rows.length);
      const results = batch.rows.map((row): PushResult => {
        const second = (row.data as Observation).notes === 'second edit';
        if (!second && rejectedIds.has(row.entityId)) {
          return {
            mutationId: row.mutationId,
            status: 'rejected',
            errors: [{ path: 'room', message: 'unknown room' }],
          };
        }
        if (!second && conflictIds.has(row.entityId)) {
          return {
            mutationId: row.mutationId,
            status: 'conflict',
            conflictId: crypto.randomUUID(),
            serverSeq: 1,
            current: { rev: 2, deleted: false, data: { server: row.entityId } },
          };
        }
        return applied(row, (row.baseRev ?? 0) + 1);
      });
      await applyPushResults(db, batch.rows, results);
    }

    expect(batches).toBe(7);
    const editedIds = new Set(edited.map((n) => n.id));
    const left = await db.outbox.toArray();
    // A rejected row stays until a later edit of its record goes in, which removes it.
    expect(left.map((r) => r.entityId).sort()).toEqual(
      [...rejectedIds].filter((id) => !editedIds.has(id)).sort(),
    );
    expect(left.every((r) => r.state === 'rejected' && r.errors?.length === 1)).toBe(true);
    expect(await db.conflicts.count()).toBe(conflictIds.size);

    const byId = new Map((await db.records.toArray()).map((r) => [r.id, r]));
    for (const note of notes) {
      const record = byId.get(note.id);
      if (editedIds.has(note.id)) {
        // The second edit rests on the first one's revision only when that was applied.
        const firstApplied = !rejectedIds.has(note.id) && !conflictIds.has(note.id);
        expect(record?.rev).toBe(firstApplied ? 3 : 2);
      } else if (rejectedIds.has(note.id)) {
        expect(record?.rev).toBe(1);
      } else if (conflictIds.has(note.id)) {
        expect(record).toMatchObject({ rev: 2, data: { server: note.id } });
      } else {
        expect(record).toMatchObject({ rev: 2, data: note });
      }
    }
  });

  it('moves a waiting edit onto the revision the server gave the row before it', async () => {
    const note = observation();
    await waiting(db, [note], 4);
    await db.outbox.add(outboxRow(note, { baseRev: 4, data: { ...note, notes: 'second' } }));
    const batch = await takeBatch(db, clientId, 10);
    await applyPushResults(db, batch.rows, [applied(batch.rows[0]!, 5)]);

    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({ baseRev: 5, state: 'pending', data: { ...note, notes: 'second' } }),
    ]);
    expect((await db.records.get(['observation', note.id]))?.rev).toBe(5);
  });

  it('refuses answers that do not match the batch and changes nothing', async () => {
    const notes = [observation(), observation()];
    await waiting(db, notes);
    const batch = await takeBatch(db, clientId, 10);
    const swapped = [applied(batch.rows[1]!, 1), applied(batch.rows[0]!, 1)];
    await expect(applyPushResults(db, batch.rows, swapped)).rejects.toThrow('out of order');
    expect(await db.outbox.count()).toBe(2);
    expect((await db.records.toArray()).map((r) => r.rev)).toEqual([null, null]);
  });
});
