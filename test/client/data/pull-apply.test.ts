import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import { readCursor, readPullProgress } from '../../../src/client/data/meta';
import { applyPull, applyRecent } from '../../../src/client/data/pull-apply';
import { writeRecord } from '../../../src/client/data/write-record';
import type { Observation } from '../../../src/shared/observation';
import type { PullResponse, RecordChange } from '../../../src/shared/sync';
import { observation } from '../../support/factories';

const now = new Date('2026-11-23T10:00:00Z');
let seq = 0;

function change(note: Observation, rev: number, overrides: Partial<RecordChange> = {}) {
  seq += 1;
  return {
    kind: 'record' as const,
    serverSeq: seq,
    entity: 'observation' as const,
    entityId: note.id,
    rev,
    deleted: false,
    data: note,
    ...overrides,
  };
}

function page(changes: PullResponse['changes'], extra: Partial<PullResponse> = {}): PullResponse {
  return {
    changes,
    cursor: changes.at(-1)?.serverSeq ?? 0,
    hasMore: false,
    reset: false,
    ...extra,
  };
}

describe('applying a pulled page', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`pull-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  it('stores new records, conflict siblings and the cursor together', async () => {
    const [a, b] = [observation(), observation()];
    const conflictId = crypto.randomUUID();
    const answer = page([
      change(a!, 1),
      {
        kind: 'conflict',
        serverSeq: ++seq,
        conflictId,
        entity: 'observation',
        entityId: a!.id,
        baseRev: null,
        data: { ...a!, notes: 'theirs' },
        createdAt: '2026-11-23T09:30:00.000Z',
        resolved: false,
      },
      change(b!, 3, { deleted: true }),
    ]);
    await applyPull(db, answer, now);

    expect(await db.records.get(['observation', a!.id])).toMatchObject({ rev: 1, data: a });
    expect(await db.records.get(['observation', b!.id])).toMatchObject({ rev: 3, deleted: 1 });
    expect(await db.conflicts.get(conflictId)).toMatchObject({ entityId: a!.id, resolved: 0 });
    expect(await readCursor(db)).toBe(answer.cursor);
  });

  it('keeps the local copy of a record with edits the server has not acknowledged', async () => {
    const note = observation();
    await writeRecord(db, 'observation', note.id, { ...note, notes: 'mine' }, { now });
    await applyPull(db, page([change(note, 2, { data: { ...note, notes: 'theirs' } })]), now);
    expect((await db.records.get(['observation', note.id]))?.data).toMatchObject({ notes: 'mine' });
  });

  it('never lets an older revision overwrite a newer local one', async () => {
    const note = observation();
    await db.records.put({
      entity: 'observation',
      id: note.id,
      data: { ...note, notes: 'rev 5' },
      rev: 5,
      deleted: 0,
      updatedAt: '2026-11-23T09:00:00.000Z',
    });
    await applyPull(db, page([change(note, 4, { data: { ...note, notes: 'rev 4' } })]), now);
    expect(await db.records.get(['observation', note.id])).toMatchObject({
      rev: 5,
      data: { notes: 'rev 5' },
      updatedAt: '2026-11-23T09:00:00.000Z',
    });

    await applyPull(db, page([change(note, 6, { data: { ...note, notes: 'rev 6' } })]), now);
    expect(await db.records.get(['observation', note.id])).toMatchObject({
      rev: 6,
      data: { notes: 'rev 6' },
      updatedAt: '2026-11-23T09:00:00.000Z',
    });
  });

  it('applies a page of thousands of records, keeping every locally edited one', async () => {
    const notes = Array.from({ length: 2000 }, () => observation());
    const editedLocally = notes.filter((_, i) => i % 50 === 0);
    for (const note of editedLocally) {
      await writeRecord(db, 'observation', note.id, { ...note, notes: 'mine' }, { now });
    }
    await applyPull(db, page(notes.map((n) => change(n, 1))), now);

    expect(await db.records.count()).toBe(2000);
    const mine = await db.records.filter((r) => r.rev === null).toArray();
    expect(mine.map((r) => r.id).sort()).toEqual(editedLocally.map((n) => n.id).sort());
    expect(await db.outbox.count()).toBe(editedLocally.length);
  });

  it('keeps the progress of a pull while pages remain and clears it when done', async () => {
    expect(await readPullProgress(db)).toBeNull();
    const first = page([change(observation(), 1)], { hasMore: true, latest: 10_000 });
    await applyPull(db, first, now);
    expect(await readPullProgress(db)).toEqual({ cursor: first.cursor, latest: 10_000 });

    await applyPull(db, page([change(observation(), 1)], { latest: 10_000 }), now);
    expect(await readPullProgress(db)).toBeNull();
  });

  it('starts the progress again from zero when the server cannot serve the cursor', async () => {
    await db.meta.put({ key: 'cursor', value: 500 });
    await applyPull(db, page([], { cursor: 0, hasMore: true, reset: true, latest: 40 }), now);
    expect(await readCursor(db)).toBe(0);
    expect(await readPullProgress(db)).toEqual({ cursor: 0, latest: 40 });
  });

  it('shows no progress from an older server that does not say how far it goes', async () => {
    await applyPull(db, page([change(observation(), 1)], { hasMore: true }), now);
    expect(await readPullProgress(db)).toBeNull();
  });
});

describe('the first look a new device takes at the newest records', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`recent-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  it('stores records it does not hold, keeps its own copies and moves no cursor', async () => {
    const [fresh, mine, gone] = [observation(), observation(), observation()];
    await writeRecord(db, 'observation', mine!.id, { ...mine!, notes: 'my edit' }, { now });
    await applyRecent(
      db,
      [change(fresh!, 4), change(mine!, 7), change(gone!, 2, { deleted: true })],
      now,
    );
    expect((await db.records.get(['observation', fresh!.id]))?.rev).toBe(4);
    expect((await db.records.get(['observation', mine!.id]))?.data).toMatchObject({
      notes: 'my edit',
    });
    expect(await db.records.get(['observation', gone!.id])).toBeUndefined();
    expect(await readCursor(db)).toBe(0);
  });
});
