import { afterEach, describe, expect, it } from 'vitest';
import { openLookforDb } from '../../../src/client/data/db';
import { isConnectionLost, withReconnect } from '../../../src/client/data/reconnect';
import { createStore } from '../../../src/client/data/store';
import { blastEmpoweredLearning } from '../../../src/shared/builtin-protocols';
import { TEST_SCHOOL_ID, TEST_USER_ID } from '../../support/factories';

const db = openLookforDb(`reconnect-${crypto.randomUUID()}`);
afterEach(() => db.close());

describe('a lost IndexedDB connection', () => {
  it('recognises the errors Safari and Dexie give for a dropped connection', () => {
    expect(
      isConnectionLost(
        new Error('Connection to Indexed Database server lost. Refresh the page to try again'),
      ),
    ).toBe(true);
    expect(
      isConnectionLost(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' })),
    ).toBe(true);
    expect(isConnectionLost(new Error('QuotaExceededError'))).toBe(false);
  });

  it('reopens the database once and saves the tap', async () => {
    const failures: string[] = [];
    const store = createStore(
      db,
      () => new Date('2026-11-23T09:00:00Z'),
      {
        onSaved: () => undefined,
        onSaveFailed: (m) => failures.push(m),
      },
      {
        id: TEST_USER_ID,
        name: 'Sam',
        email: 'sam@lookfor.test',
        districtAdmin: false,
        memberships: [],
        schools: [],
      },
    );
    const started = await store.start(
      {
        schoolId: TEST_SCHOOL_ID,
        school: 'Lincoln',
        room: '5',
        gradeBand: 'K-2',
        subject: 'Math',
        observer: 'Sam',
      },
      blastEmpoweredLearning,
    );
    if (!started) throw new Error('the observation was not started');
    db.close();
    await store.update(started.id, (o) => ({ ...o, notes: 'after the connection dropped' }));
    const record = await db.records.get(['observation', started.id]);
    expect(record?.data).toMatchObject({ notes: 'after the connection dropped' });
    expect(failures).toEqual([]);
  });

  it('does not retry other failures', async () => {
    let calls = 0;
    await expect(
      withReconnect(db, async () => {
        calls += 1;
        throw new Error('QuotaExceededError');
      }),
    ).rejects.toThrow('QuotaExceededError');
    expect(calls).toBe(1);
  });
});
