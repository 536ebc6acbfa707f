import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLookforDb, type LookforDb } from '../../../src/client/data/db';
import { pullAgainIfAccessChanged, readCursor, setMeta } from '../../../src/client/data/meta';
import { writeRecord } from '../../../src/client/data/write-record';
import { accessKeyOf, type Me } from '../../../src/shared/accounts';
import { observation } from '../../support/factories';

const lincoln = '10000000-0000-4000-8000-000000000001';
const adams = '10000000-0000-4000-8000-000000000002';
const me = (schoolIds: string[], districtAdmin = false): Me => ({
  user: { id: crypto.randomUUID(), name: 'Ana', email: 'ana@x.example', districtAdmin },
  memberships: schoolIds.map((schoolId) => ({ schoolId, schoolName: 'S', role: 'coach' })),
});

describe('the key of what a person may read', () => {
  it('is the same for the same schools in any order, and differs for a new school or role', () => {
    expect(accessKeyOf(me([lincoln, adams]))).toBe(accessKeyOf(me([adams, lincoln])));
    expect(accessKeyOf(me([lincoln]))).not.toBe(accessKeyOf(me([lincoln, adams])));
    expect(accessKeyOf(me([lincoln]))).not.toBe(accessKeyOf(me([lincoln], true)));
  });
});

describe('pulling again after joining a school', () => {
  let db: LookforDb;
  beforeEach(() => {
    db = openLookforDb(`access-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  it('keeps the cursor the first time and while access is unchanged', async () => {
    await setMeta(db, 'cursor', 42);
    expect(await pullAgainIfAccessChanged(db, accessKeyOf(me([lincoln])))).toBe(false);
    expect(await pullAgainIfAccessChanged(db, accessKeyOf(me([lincoln])))).toBe(false);
    expect(await readCursor(db)).toBe(42);
  });

  it('starts from the beginning when a school is added, and leaves notes and outbox alone', async () => {
    const note = observation();
    await writeRecord(db, 'observation', note.id, note, { now: new Date() });
    await pullAgainIfAccessChanged(db, accessKeyOf(me([lincoln])));
    await setMeta(db, 'cursor', 42);

    expect(await pullAgainIfAccessChanged(db, accessKeyOf(me([lincoln, adams])))).toBe(true);
    expect(await readCursor(db)).toBe(0);
    expect(await db.records.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});
