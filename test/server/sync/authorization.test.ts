import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { protocolKey, type Protocol } from '../../../src/shared/protocol';
import { blankProtocol } from '../../../src/shared/protocol-rules';
import { observation as anyObservation, putMutation } from '../../support/factories';
import { signedInCookie, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const school = '10000000-0000-4000-8000-000000000001';
const teacherA = '20000000-0000-4000-8000-00000000000a';
const teacherB = '20000000-0000-4000-8000-00000000000b';
const coach = '20000000-0000-4000-8000-00000000000c';

const observation = (overrides: Parameters<typeof anyObservation>[0] = {}) =>
  anyObservation({ schoolId: school, ...overrides });
const draft = (): Protocol => ({
  ...blankProtocol('Our walk', 'blast_walkthrough', new Date('2026-11-23T10:00:00Z'), 'ab12cd'),
  schoolId: school,
});
const protocolPut = (clientId: string, p: Protocol) => ({
  ...putMutation(clientId, observation()),
  entity: 'protocol' as const,
  entityId: protocolKey(p.id, p.version),
  data: p,
});

describe.each(dialects)('who may sync what, on %s', (dialect) => {
  let server: TestServer;
  let asA: string;
  let asB: string;
  let asCoach: string;
  const client = crypto.randomUUID();

  beforeEach(async () => {
    server = await startTestServer(dialect);
    asA = await signedInCookie(server.db.db, {
      id: teacherA,
      roles: [{ schoolId: school, role: 'teacher' }],
    });
    asB = await signedInCookie(server.db.db, {
      id: teacherB,
      roles: [{ schoolId: school, role: 'teacher' }],
    });
    asCoach = await signedInCookie(server.db.db, {
      id: coach,
      roles: [{ schoolId: school, role: 'coach' }],
    });
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('rejects an observation recorded under someone else’s id (a spoofed observer)', async () => {
    const spoofed = observation({ observerId: teacherB });
    const { results } = await server.push(client, [putMutation(client, spoofed)], asA);
    expect(results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'observerId' }] });
    expect(await server.count('records')).toBe(0);
  });

  it('never lets one user overwrite another user’s observation, even by guessing its id', async () => {
    const mine = observation({ observerId: teacherA });
    await server.push(client, [putMutation(client, mine)], asA);
    const takeover = { ...mine, observerId: teacherB, notes: 'overwritten' };
    const { results } = await server.push(
      client,
      [putMutation(client, takeover, { baseRev: 1 })],
      asB,
    );
    expect(results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'id' }] });
    const stored = await server.pull(0, undefined, asA);
    expect(stored.changes[0]).toMatchObject({ data: { notes: mine.notes } });
  });

  it('pulls only the user’s own observations, and the protocols of their school', async () => {
    await server.push(
      client,
      [putMutation(client, observation({ observerId: teacherA, room: 'A1' }))],
      asA,
    );
    await server.push(
      client,
      [putMutation(client, observation({ observerId: teacherB, room: 'B1' }))],
      asB,
    );
    await server.push(client, [protocolPut(client, draft())], asCoach);

    const forA = await server.pull(0, undefined, asA);
    expect(forA.changes.map((c) => (c.data as { room?: string }).room ?? c.entity)).toEqual([
      'A1',
      'protocol',
    ]);
    const forB = await server.pull(0, undefined, asB);
    expect(forB.changes.map((c) => (c.data as { room?: string }).room ?? c.entity)).toEqual([
      'B1',
      'protocol',
    ]);
  });

  it('keeps conflict siblings of an observation visible to its observer only', async () => {
    const mine = observation({ observerId: teacherA });
    await server.push(client, [putMutation(client, mine)], asA);
    await server.push(
      client,
      [putMutation(client, { ...mine, notes: 'one' }, { baseRev: 1 })],
      asA,
    );
    await server.push(
      client,
      [putMutation(client, { ...mine, notes: 'two' }, { baseRev: 1 })],
      asA,
    );
    expect(
      (await server.pull(0, undefined, asA)).changes.filter((c) => c.kind === 'conflict'),
    ).toHaveLength(1);
    expect((await server.pull(0, undefined, asB)).changes).toEqual([]);
  });

  it('lets coaches edit protocols and refuses teachers', async () => {
    const byTeacher = await server.push(client, [protocolPut(client, draft())], asA);
    expect(byTeacher.results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ path: 'entity' }],
    });
    const byCoach = await server.push(client, [protocolPut(client, draft())], asCoach);
    expect(byCoach.results[0]).toMatchObject({ status: 'applied' });
  });
});
