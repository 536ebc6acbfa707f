import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startObservation, updateObservation } from '../../../src/client/data/observations';
import { blastEmpoweredLearning } from '../../../src/shared/builtin-protocols';
import { device, type Device } from '../../support/client-device';
import { TEST_SCHOOL_ID, TEST_USER_ID } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';

/** What the network does to one request of a sync. */
type Fault = 'none' | 'lose-request' | 'lose-response' | 'deliver-twice';

type Action =
  | { kind: 'create'; device: number }
  | { kind: 'edit'; device: number; pick: number }
  | { kind: 'sync'; device: number; faults: Fault[] };

const DEVICES = 3;
const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 12);

const setup = {
  schoolId: TEST_SCHOOL_ID,
  school: 'Lincoln Elementary',
  room: '114',
  gradeBand: '3-5' as const,
  subject: 'Math',
  observer: 'Coach Rivera',
};
const now = new Date('2026-11-23T09:00:00Z');

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), device: fc.nat(DEVICES - 1) }),
  fc.record({ kind: fc.constant('edit' as const), device: fc.nat(DEVICES - 1), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('sync' as const),
    device: fc.nat(DEVICES - 1),
    faults: fc.array(
      fc.constantFrom<Fault>('none', 'lose-request', 'lose-response', 'deliver-twice'),
      {
        maxLength: 4,
      },
    ),
  }),
);

/** Each request takes the next fault; when none are left the network is sound. */
function withFaults(tablet: Device, reach: typeof fetch, faults: Fault[]): void {
  const queue = [...faults];
  tablet.fetch = async (input, init) => {
    const fault = queue.shift() ?? 'none';
    if (fault === 'lose-request') throw new TypeError('Failed to fetch');
    const response = await reach(input, init);
    if (fault === 'lose-response') throw new TypeError('Failed to fetch');
    if (fault === 'deliver-twice') return reach(input, init);
    return response;
  };
}

async function run(actions: Action[]): Promise<void> {
  const server: TestServer = await startTestServer('sqlite');
  const tablets = Array.from({ length: DEVICES }, () => device(server));
  const reach = tablets.map((t) => t.fetch);
  const created = new Set<string>();
  /** The devices that changed each note: one alone can never conflict with itself. */
  const touchedBy = new Map<string, Set<number>>();
  const touch = (id: string, d: number) =>
    touchedBy.set(id, (touchedBy.get(id) ?? new Set()).add(d));
  let edits = 0;
  try {
    for (const a of actions) {
      const tablet = tablets[a.device]!;
      if (a.kind === 'create') {
        const o = await startObservation(
          tablet.db,
          setup,
          blastEmpoweredLearning,
          now,
          TEST_USER_ID,
        );
        created.add(o.id);
        touch(o.id, a.device);
      } else if (a.kind === 'edit') {
        const held = await tablet.db.records.where('entity').equals('observation').primaryKeys();
        if (held.length === 0) continue;
        const [, id] = held[a.pick % held.length]!;
        edits += 1;
        const text = `device ${a.device} edit ${edits}`;
        await updateObservation(tablet.db, id, (o) => ({ ...o, notes: text }), now);
        touch(id, a.device);
      } else {
        withFaults(tablet, reach[a.device]!, a.faults);
        await tablet.sync({ batchSize: 2 });
      }
    }

    // The network heals: every device syncs until nothing moves.
    tablets.forEach((t, i) => (t.fetch = reach[i]!));
    for (let round = 0; round < 3; round += 1) {
      for (const t of tablets) expect(await t.sync({ batchSize: 2 })).toMatchObject({ ok: true });
    }

    const stored = await server.db.db
      .selectFrom('records')
      .select(['entity_id', 'rev', 'data'])
      .where('entity', '=', 'observation')
      .execute();
    const applied = await server.db.db
      .selectFrom('mutations')
      .select(['entity_id', 'status'])
      .where('entity', '=', 'observation')
      .execute();
    // No note is lost: every one ever started on a device is on the server.
    expect(new Set(stored.map((r) => r.entity_id))).toEqual(created);
    // No change is applied twice: each revision is one applied mutation.
    for (const record of stored) {
      const times = applied.filter(
        (m) => m.entity_id === record.entity_id && m.status === 'applied',
      );
      expect(Number(record.rev), record.entity_id).toBe(times.length);
    }
    expect(applied.filter((m) => m.status === 'rejected')).toEqual([]);
    // A note changed on one device only never meets itself as a conflict, whatever
    // the network lost or delivered twice.
    const conflicts = await server.db.db.selectFrom('conflicts').select('entity_id').execute();
    for (const c of conflicts)
      expect(touchedBy.get(c.entity_id)?.size, c.entity_id).toBeGreaterThan(1);
    for (const t of tablets) {
      // Nothing is left waiting, and each device holds exactly the server's version.
      expect(await t.db.outbox.count()).toBe(0);
      const local = await t.db.records.where('entity').equals('observation').toArray();
      expect(local).toHaveLength(stored.length);
      for (const record of stored) {
        const mine = local.find((l) => l.id === record.entity_id);
        expect(mine?.rev, record.entity_id).toBe(Number(record.rev));
        expect(mine?.data, record.entity_id).toEqual(JSON.parse(record.data ?? 'null'));
      }
    }
  } finally {
    tablets.forEach((t) => t.close());
    await server.db.dispose();
  }
}

describe('sync invariants under lost requests, lost answers and double deliveries', () => {
  it(
    'keeps every note once, settles every outbox and leaves each device with the server’s copy',
    async () => {
      await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 30 }), run), {
        numRuns: RUNS,
      });
    },
    Math.max(300_000, RUNS * 1000),
  ); // a long run (npm run bench:properties) gets the time it needs
});
