import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import { listObservationPage, PAGE_SIZE } from '../../../src/client/data/observation-page';
import { saveObservation } from '../../../src/client/data/observations';
import { pullProgressShown } from '../../../src/client/data/pull-progress';
import type { Observation } from '../../../src/shared/observation';
import {
  BIG_ROUND_ID,
  countReads,
  PROTOCOLS,
  SCHOOLS,
  storeYearsOfNotes,
} from '../../support/device-scale';

const ids = (page: { views: Array<{ observation: Observation }> }) =>
  page.views.map((v) => v.observation.id);
const newestFirst = (notes: Observation[]) =>
  [...notes].sort((a, b) => b.startedAt.localeCompare(a.startedAt)).map((o) => o.id);

describe('the observations list on a device holding years of notes', () => {
  let db: LookforDb;
  let reads: Map<string, number>;
  let notes: Observation[];
  beforeEach(async () => {
    db = openLookforDb(`page-${crypto.randomUUID()}`);
    reads = countReads(db);
    notes = await storeYearsOfNotes(db, 3000);
  });
  afterEach(() => db.close());

  it('shows the newest page first, and "show more" extends it without reordering', async () => {
    const first = await listObservationPage(db, {});
    expect(ids(first)).toEqual(newestFirst(notes).slice(0, PAGE_SIZE));
    expect(first.hasMore).toBe(true);

    const two = await listObservationPage(db, {}, PAGE_SIZE * 2);
    expect(ids(two)).toEqual(newestFirst(notes).slice(0, PAGE_SIZE * 2));
    expect(ids(two).slice(0, PAGE_SIZE)).toEqual(ids(first));

    const all = await listObservationPage(db, {}, 5000);
    expect(all.views).toHaveLength(3000);
    expect(all.hasMore).toBe(false);
  });

  it('filters by school, round and protocol, alone and together', async () => {
    const school = SCHOOLS[1];
    const bySchool = await listObservationPage(db, { schoolId: school }, 5000);
    expect(ids(bySchool)).toEqual(newestFirst(notes.filter((o) => o.schoolId === school)));

    const byRound = await listObservationPage(db, { roundId: BIG_ROUND_ID }, 5000);
    expect(ids(byRound)).toEqual(newestFirst(notes.filter((o) => o.roundId === BIG_ROUND_ID)));
    expect(byRound.views).toHaveLength(30);

    const protocol = PROTOCOLS[1];
    const byProtocol = await listObservationPage(db, { protocolId: protocol });
    expect(ids(byProtocol)).toEqual(
      newestFirst(notes.filter((o) => o.protocolId === protocol)).slice(0, PAGE_SIZE),
    );

    const both = await listObservationPage(db, { schoolId: school, protocolId: protocol }, 5000);
    expect(ids(both)).toEqual(
      newestFirst(notes.filter((o) => o.schoolId === school && o.protocolId === protocol)),
    );
    expect(both.views.length).toBeGreaterThan(0);
  });

  it('filters by a day or a range of days, whole local days included', async () => {
    const localDay = (iso: string) => {
      const d = new Date(iso);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    };
    const day = localDay(notes[30]?.startedAt ?? '');
    const oneDay = await listObservationPage(db, { from: day, to: day });
    expect(ids(oneDay)).toEqual(newestFirst(notes.filter((o) => localDay(o.startedAt) === day)));
    expect(oneDay.views).toHaveLength(3);

    const from = localDay(notes[299]?.startedAt ?? '');
    const to = localDay(notes[150]?.startedAt ?? '');
    const range = await listObservationPage(db, { from, to, schoolId: SCHOOLS[0] }, 5000);
    const inRange = (o: Observation) =>
      localDay(o.startedAt) >= from && localDay(o.startedAt) <= to;
    expect(ids(range)).toEqual(
      newestFirst(notes.filter((o) => inRange(o) && o.schoolId === SCHOOLS[0])),
    );
    expect(range.views).toHaveLength(50);
  });

  it('marks waiting, rejected and conflicting notes with one outbox and one conflicts query a page', async () => {
    const [newest, second, third] = newestFirst(notes);
    const note = (id: string | undefined) => notes.find((o) => o.id === id) as Observation;
    await saveObservation(db, { ...note(newest), notes: 'edited offline' }, new Date());
    await db.outbox.add({
      mutationId: crypto.randomUUID(),
      entity: 'observation',
      entityId: second ?? '',
      op: 'put',
      baseRev: 1,
      data: note(second),
      deviceTime: '2026-11-23T12:00:00.000Z',
      state: 'rejected',
      attempts: 1,
      errors: [{ path: 'room', message: 'Room is required' }],
    });
    await db.conflicts.add({
      id: crypto.randomUUID(),
      entity: 'observation',
      entityId: third ?? '',
      baseRev: 1,
      data: { ...note(third), notes: 'the other device' },
      createdAt: '2026-11-23T12:00:00.000Z',
      resolved: 0,
    });

    reads.clear();
    const page = await listObservationPage(db, {}, PAGE_SIZE * 4);
    expect(page.views.slice(0, 4).map((v) => v.syncState)).toEqual([
      'waiting',
      'rejected',
      'conflict',
      'synced',
    ]);
    expect(page.views[1]?.rejections).toEqual([{ path: 'room', message: 'Room is required' }]);
    expect(page.views[2]?.conflicts[0]?.data.notes).toBe('the other device');
    // However many rows the page holds: one range read, one outbox query, one conflicts query.
    expect(Object.fromEntries(reads)).toEqual({ records: 1, outbox: 1, conflicts: 1 });
  });

  it('leaves out deleted notes and records it cannot read, and still fills the page', async () => {
    const [newest, second] = newestFirst(notes);
    await db.records.update(['observation', newest ?? ''], { deleted: 1 });
    await db.records.update(['observation', second ?? ''], { data: { id: second, broken: true } });
    const page = await listObservationPage(db, {});
    expect(ids(page)).not.toContain(newest);
    expect(ids(page)).not.toContain(second);
    expect(ids(page)[0]).toBe(newestFirst(notes)[2]);
    // The unreadable record takes a row of the range but nothing is shown for it.
    expect(page.views.length).toBeGreaterThanOrEqual(PAGE_SIZE - 1);
  });

  it('re-reads the live page for a write inside its range, not for one outside it', async () => {
    // Dexie tracks the whole range a query asked for (here: one school, ten days), so a
    // write elsewhere (another school, another day, a round) never re-runs it.
    const school = SCHOOLS[0];
    const inDays = notes.slice(300, 330);
    const days = inDays.map((o) => o.startedAt.slice(0, 10)).sort();
    const filter = { schoolId: school, from: days[0], to: days[days.length - 1] };
    let runs = 0;
    const pages: string[][] = [];
    const subscription = liveQuery(() => {
      runs += 1;
      return listObservationPage(db, filter);
    }).subscribe({ next: (page) => pages.push(ids(page)) });
    const emitted = (count: number) =>
      new Promise<void>((resolve) => {
        const wait = () => (pages.length >= count ? resolve() : setTimeout(wait, 5));
        wait();
      });
    await emitted(1);
    const runsBefore = runs;

    const put = (o: Observation) =>
      db.records.put({
        entity: 'observation',
        id: o.id,
        data: o,
        rev: 2,
        deleted: 0,
        updatedAt: '2026-11-24T00:00:00.000Z',
      });
    const ofSchool = notes.filter((o) => o.schoolId === school);
    await put({ ...(ofSchool[600] as Observation), notes: 'pulled again, another day' });
    await put({ ...(inDays.find((o) => o.schoolId !== school) as Observation), notes: 'x' });
    await db.records.put({
      entity: 'round',
      id: crypto.randomUUID(),
      data: {},
      rev: 1,
      deleted: 0,
      updatedAt: '2026-11-24T00:00:00.000Z',
    });
    // Then one on the page: the only write that re-reads it.
    const onPage = inDays.find((o) => o.schoolId === school) as Observation;
    await put({ ...onPage, room: '999' });
    await emitted(2);
    subscription.unsubscribe();
    expect(runs).toBe(runsBefore + 1);
    expect(pages[1]).toContain(onPage.id);
  });

  it('describes a first pull under way, and nothing when the row is missing or odd', async () => {
    expect(await pullProgressShown(db)).toBeNull();
    await db.meta.put({ key: 'pullProgress', value: { cursor: 250, latest: 1000 } });
    expect(await pullProgressShown(db)).toEqual({ cursor: 250, latest: 1000, percent: 25 });
    await db.meta.put({ key: 'pullProgress', value: { cursor: 1000, latest: 1000 } });
    expect((await pullProgressShown(db))?.percent).toBe(99);
    await db.meta.put({ key: 'pullProgress', value: { cursor: 'x' } });
    expect(await pullProgressShown(db)).toBeNull();
    await db.meta.put({ key: 'pullProgress', value: null });
    expect(await pullProgressShown(db)).toBeNull();
  });
});
