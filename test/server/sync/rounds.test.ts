import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/shared/observation';
import type { Round } from '../../../src/shared/rounds';
import type { PullResponse } from '../../../src/shared/sync';
import { protocolKey } from '../../../src/shared/protocol';
import {
  observation as anyObservation,
  protocol,
  recordPut,
  round as anyRound,
} from '../../support/factories';
import { signedInCookie, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const school = '10000000-0000-4000-8000-000000000001';
const otherSchool = '30000000-0000-4000-8000-000000000002';
const teacher = '20000000-0000-4000-8000-00000000000a';
const coach = '20000000-0000-4000-8000-00000000000c';
const coach2 = '20000000-0000-4000-8000-00000000000d';
const principal = '20000000-0000-4000-8000-00000000000e';
const otherCoach = '20000000-0000-4000-8000-00000000000f';

const round = (overrides: Partial<Round> = {}) =>
  anyRound({
    schoolId: school,
    createdBy: coach,
    team: [
      { userId: coach, name: 'Coach One' },
      { userId: coach2, name: 'Coach Two' },
    ],
    rooms: [
      { id: 'r114', room: '114', gradeBand: '3-5', subject: 'Math', assignedTo: coach },
      { id: 'r115', room: '115', gradeBand: 'K-2', subject: 'Reading', assignedTo: coach2 },
    ],
    ...overrides,
  });
const blast = (r: Round, overrides: Partial<Observation> = {}) =>
  anyObservation({
    schoolId: school,
    observerId: coach,
    roundId: r.id,
    roomId: 'r114',
    room: '114',
    ...overrides,
  });
const finished = { status: 'complete', endedAt: '2026-11-23T09:05:00.000Z' } as const;
const progressIn = (pulled: PullResponse) =>
  pulled.changes.filter((c) => c.entity === 'round-progress').map((c) => c.data);

describe.each(dialects)('Blast Walkthrough rounds on the server, on %s', (dialect) => {
  let server: TestServer;
  const as: Record<string, string> = {};
  const client = crypto.randomUUID();
  const put = <T extends { id: string }>(
    who: string,
    entity: 'round' | 'observation',
    record: T,
    rev?: number,
  ) => server.push(client, [recordPut(client, entity, record, { baseRev: rev ?? null })], as[who]);

  beforeEach(async () => {
    server = await startTestServer(dialect);
    const people: Array<[string, string, 'teacher' | 'coach' | 'principal']> = [
      [teacher, school, 'teacher'],
      [coach, school, 'coach'],
      [coach2, school, 'coach'],
      [principal, school, 'principal'],
      [otherCoach, otherSchool, 'coach'],
    ];
    for (const [id, schoolId, role] of people) {
      as[id] = await signedInCookie(server.db.db, { id, roles: [{ schoolId, role }] });
    }
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('lets a coach or a principal of the school plan a round', async () => {
    expect((await put(coach, 'round', round())).results[0]).toMatchObject({ status: 'applied' });
    const byPrincipal = await put(principal, 'round', round({ createdBy: principal }));
    expect(byPrincipal.results[0]).toMatchObject({ status: 'applied' });
  });

  it('refuses a round planned by a teacher or by another school’s coach', async () => {
    const byTeacher = await put(teacher, 'round', round());
    expect(byTeacher.results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ path: 'schoolId' }],
    });
    const byOutsider = await put(otherCoach, 'round', round());
    expect(byOutsider.results[0]).toMatchObject({ status: 'rejected' });
    expect(await server.count('records')).toBe(0);
  });

  it('refuses a team member who is not on the school’s staff', async () => {
    const team = [{ userId: otherCoach, name: 'Visitor' }];
    const { results } = await put(coach, 'round', round({ team, rooms: [] }));
    expect(results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'team' }] });
  });

  it('refuses a protocol that belongs to another school', async () => {
    const theirs = protocol({ id: 'their-walk', schoolId: otherSchool });
    const pushed = await server.push(
      client,
      [
        recordPut(
          client,
          'protocol',
          { ...theirs, id: protocolKey(theirs.id, 1) },
          { data: theirs },
        ),
      ],
      as[otherCoach],
    );
    expect(pushed.results[0]).toMatchObject({ status: 'applied' });
    const planned = round({ protocolId: 'their-walk', protocolVersion: 1 });
    const { results } = await put(coach, 'round', planned);
    expect(results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'protocolId' }] });
  });

  it('never moves a round to another school, even for someone who leads both', async () => {
    const both = '20000000-0000-4000-8000-000000000011';
    as[both] = await signedInCookie(server.db.db, {
      id: both,
      roles: [
        { schoolId: school, role: 'principal' },
        { schoolId: otherSchool, role: 'principal' },
      ],
    });
    const planned = round({ team: [], rooms: [], createdBy: both });
    expect((await put(both, 'round', planned)).results[0]).toMatchObject({ status: 'applied' });
    const moved = await put(both, 'round', { ...planned, schoolId: otherSchool }, 1);
    expect(moved.results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'schoolId' }] });
  });

  it('keeps a round’s planner and protocol version once it is stored', async () => {
    const planned = round();
    const byOther = await put(principal, 'round', round());
    expect(byOther.results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ path: 'createdBy' }],
    });
    await put(coach, 'round', planned);
    const edited = await put(principal, 'round', { ...planned, name: 'Renamed' }, 1);
    expect(edited.results[0]).toMatchObject({ status: 'applied' });
    const takenOver = await put(principal, 'round', { ...planned, createdBy: principal }, 2);
    expect(takenOver.results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ path: 'createdBy' }],
    });
    const repinned = await put(coach, 'round', { ...planned, protocolId: 'equitable-learning' }, 2);
    expect(repinned.results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ path: 'protocolVersion' }],
    });
  });

  it('refuses another school’s coach who deletes a round', async () => {
    const planned = round();
    await put(coach, 'round', planned);
    const mutation = {
      ...recordPut(client, 'round', planned, { baseRev: 1 }),
      op: 'delete' as const,
    };
    const { results } = await server.push(client, [mutation], as[otherCoach]);
    expect(results[0]).toMatchObject({ status: 'rejected' });
  });

  it('sends the plan to every member of the school and to nobody elsewhere', async () => {
    await put(coach, 'round', round());
    const entities = async (who: string) =>
      (await server.pull(0, undefined, as[who])).changes.map((c) => c.entity);
    expect(await entities(teacher)).toEqual(['round']);
    expect(await entities(otherCoach)).toEqual([]);
  });

  describe('blast observations', () => {
    let planned: Round;
    beforeEach(async () => {
      planned = round();
      await put(coach, 'round', planned);
    });

    it('accepts a team member’s visit to a room of the round', async () => {
      expect((await put(coach, 'observation', blast(planned))).results[0]).toMatchObject({
        status: 'applied',
      });
    });

    it('refuses a round of another school, a room not on it, and another protocol version', async () => {
      const foreign = anyRound({
        schoolId: otherSchool,
        team: [],
        rooms: [],
        createdBy: otherCoach,
      });
      await put(otherCoach, 'round', foreign);
      const cases: Array<[Partial<Observation>, string]> = [
        [{ roundId: foreign.id }, 'roundId'],
        [{ roundId: crypto.randomUUID() }, 'roundId'],
        [{ roomId: 'r999' }, 'roomId'],
        [{ roomId: null }, 'roomId'],
        [{ protocolId: 'equitable-learning', responses: {} }, 'protocolId'],
      ];
      for (const [overrides, path] of cases) {
        const { results } = await put(coach, 'observation', blast(planned, overrides));
        expect(results[0], JSON.stringify(overrides)).toMatchObject({
          status: 'rejected',
          errors: [{ path }],
        });
      }
    });

    it('refuses a room without a round', async () => {
      const { results } = await put(coach, 'observation', blast(planned, { roundId: null }));
      expect(results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'roomId' }] });
    });

    it('refuses an observer who is not on the team, but lets the school’s principal walk it', async () => {
      const byTeacher = await put(teacher, 'observation', blast(planned, { observerId: teacher }));
      expect(byTeacher.results[0]).toMatchObject({
        status: 'rejected',
        errors: [{ path: 'roundId' }],
      });
      const byPrincipal = await put(
        principal,
        'observation',
        blast(planned, { observerId: principal }),
      );
      expect(byPrincipal.results[0]).toMatchObject({ status: 'applied' });
    });

    it('keeps a visit in the round and room it was started in', async () => {
      const visit = blast(planned);
      await put(coach, 'observation', visit);
      const moved = await put(coach, 'observation', { ...visit, roomId: 'r115' }, 1);
      expect(moved.results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'roomId' }] });
      const left = await put(coach, 'observation', { ...visit, roundId: null, roomId: null }, 1);
      expect(left.results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'roundId' }] });
    });

    it('marks a room visited when its visit is finished, for every member of the school only', async () => {
      const visit = blast(planned);
      await put(coach, 'observation', visit);
      expect(progressIn(await server.pull(0, undefined, as[teacher]))).toEqual([]);

      await put(coach, 'observation', { ...visit, ...finished }, 1);
      await put(coach2, 'observation', blast(planned, { observerId: coach2, ...finished }));
      const expected = { roundId: planned.id, schoolId: school, visitedRoomIds: ['r114'] };
      for (const member of [teacher, coach2, principal]) {
        expect(progressIn(await server.pull(0, undefined, as[member]))).toMatchObject([expected]);
      }
      expect(progressIn(await server.pull(0, undefined, as[otherCoach]))).toEqual([]);
    });

    it('lists each visited room once, in the order they were finished', async () => {
      await put(
        coach2,
        'observation',
        blast(planned, { observerId: coach2, roomId: 'r115', ...finished }),
      );
      await put(coach, 'observation', blast(planned, finished));
      await put(coach, 'observation', blast(planned, finished));
      const [progress] = progressIn(await server.pull(0, undefined, as[coach]));
      expect(progress).toMatchObject({ visitedRoomIds: ['r115', 'r114'] });
    });

    it('refuses a client that writes round progress itself', async () => {
      const forged = { id: planned.id, roundId: planned.id, schoolId: school, visitedRoomIds: [] };
      const mutation = recordPut(client, 'round-progress', forged);
      const { results } = await server.push(client, [mutation], as[coach]);
      expect(results[0]).toMatchObject({ status: 'rejected' });
    });
  });
});
