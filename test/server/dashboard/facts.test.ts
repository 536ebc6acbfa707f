import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blastEmpoweredLearning } from '../../../src/shared/builtin-protocols';
import { protocolPut, round, roundPut, visit, walkProtocol } from '../../support/dashboard-seed';
import { observation, protocol, putMutation } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();

describe.each(dialects)('dashboard facts kept by the push, on %s', (dialect) => {
  let server: TestServer;
  const client = crypto.randomUUID();
  const plan = round();

  beforeEach(async () => {
    server = await startTestServer(dialect);
    const { results } = await server.push(client, [
      protocolPut(client, walkProtocol()),
      roundPut(client, plan),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const facts = () =>
    server.db.db.selectFrom('observation_facts').selectAll().orderBy('look_for_id').execute();

  it('stores one fact per answered look-for of a finished visit, with no observer or room', async () => {
    const o = visit(plan, 1, {
      responses: {
        'checks-understanding': 'not_seen',
        'wait-time': { level: 'long' },
        'questions-asked': { count: 4 },
        noticing: { text: '   ' },
        'student-voice': { quote: ' We are finding patterns ' },
      },
      notes: 'Pairs compared strategies.',
    });
    await server.push(client, [putMutation(client, o)]);
    const rows = await facts();
    expect(rows.map((r) => [r.look_for_id, r.answer])).toEqual([
      ['checks-understanding', 'not_seen'],
      ['questions-asked', 'count'],
      ['student-voice', 'quote'],
      ['wait-time', 'level'],
    ]);
    expect(rows[0]).toMatchObject({
      school_id: plan.schoolId,
      round_id: plan.id,
      protocol_id: 'school-walk',
      grade_band: '3-5',
      subject: 'Math',
      observed_on: '2026-10-05',
    });
    expect(Number(rows[0]?.not_seen)).toBe(1);
    expect(Number(rows[1]?.tally)).toBe(4);
    expect(rows[2]?.quote).toBe('We are finding patterns');
    expect(rows[3]?.level_id).toBe('long');
    const columns = Object.keys(rows[0] ?? {}).join(' ');
    expect(columns).not.toMatch(/observer|room|teacher/);
    const visits = await server.db.db.selectFrom('observation_visits').selectAll().execute();
    expect(visits).toHaveLength(1);
    expect(visits[0]?.notes).toBe('Pairs compared strategies.');
  });

  it('keeps no facts for a draft', async () => {
    const o = visit(plan, 1, {
      status: 'draft',
      endedAt: null,
      responses: { 'checks-understanding': 'seen' },
    });
    await server.push(client, [putMutation(client, o)]);
    expect(await server.count('observation_facts')).toBe(0);
    expect(await server.count('observation_visits')).toBe(0);
  });

  it('replaces the facts when the observation is written again', async () => {
    const first = visit(plan, 1, {
      status: 'draft',
      endedAt: null,
      responses: { 'checks-understanding': 'seen' },
    });
    const [applied] = (await server.push(client, [putMutation(client, first)])).results;
    const finished = {
      ...first,
      status: 'complete' as const,
      endedAt: '2026-10-05T09:05:00.000Z',
      responses: { 'checks-understanding': 'na' as const },
    };
    const rev = applied?.status === 'applied' ? applied.rev : null;
    const [second] = (await server.push(client, [putMutation(client, finished, { baseRev: rev })]))
      .results;
    expect(second?.status).toBe('applied');
    const rows = await facts();
    expect(rows.map((r) => [r.look_for_id, r.answer])).toEqual([['checks-understanding', 'na']]);
  });

  it('removes the facts when the observation is deleted', async () => {
    const o = visit(plan, 1, { responses: { 'checks-understanding': 'seen' } });
    const [applied] = (await server.push(client, [putMutation(client, o)])).results;
    expect(await server.count('observation_facts')).toBe(1);
    const rev = applied?.status === 'applied' ? applied.rev : null;
    const del = putMutation(client, o, { op: 'delete', data: null, baseRev: rev });
    const [result] = (await server.push(client, [del])).results;
    expect(result?.status).toBe('applied');
    expect(await server.count('observation_facts')).toBe(0);
    expect(await server.count('observation_visits')).toBe(0);
  });

  it('keeps no facts of a conflicting version until it is chosen', async () => {
    const o = visit(plan, 1, { responses: { 'checks-understanding': 'seen' } });
    await server.push(client, [putMutation(client, o)]);
    const stale = { ...o, responses: { 'checks-understanding': 'not_seen' as const } };
    const [result] = (await server.push(client, [putMutation(client, stale, { baseRev: null })]))
      .results;
    expect(result?.status).toBe('conflict');
    expect((await facts()).map((r) => r.answer)).toEqual(['seen']);
  });

  it('never aggregates an observation made with a peer-observation protocol', async () => {
    await server.push(client, [protocolPut(client, protocol())]);
    const peer = observation({
      protocolId: 'morning-rounds',
      status: 'complete',
      endedAt: '2026-11-23T09:30:00.000Z',
      responses: { 'checks-understanding': 'seen' },
      notes: 'A peer note',
    });
    const [result] = (await server.push(client, [putMutation(client, peer)])).results;
    expect(result?.status).toBe('applied');
    expect(await server.count('observation_facts')).toBe(0);
    expect(await server.count('observation_visits')).toBe(0);
  });

  it('aggregates starter blast observations outside any round', async () => {
    const o = observation({
      protocolId: blastEmpoweredLearning.id,
      status: 'complete',
      endedAt: '2026-11-23T09:30:00.000Z',
    });
    await server.push(client, [putMutation(client, o)]);
    const rows = await facts();
    expect(rows.map((r) => [r.look_for_id, r.answer, r.round_id])).toEqual([
      ['learning-target-visible', 'seen', null],
      ['students-talk-to-peer', 'not_seen', null],
    ]);
  });
});

describe.each(dialects)('day totals kept with the facts, on %s', (dialect) => {
  let server: TestServer;
  const client = crypto.randomUUID();
  const plan = round();

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await server.push(client, [protocolPut(client, walkProtocol()), roundPut(client, plan)]);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  /** The totals as stored, and as summed again from the facts: they must agree. */
  async function both() {
    const db = server.db.db;
    const stored = await db
      .selectFrom('observation_fact_totals')
      .select(['look_for_id', 'observed_on', 'seen', 'not_seen', 'na'])
      .where((eb) => eb.or([eb('seen', '>', 0), eb('not_seen', '>', 0), eb('na', '>', 0)]))
      .orderBy(['look_for_id', 'observed_on'])
      .execute();
    const summed = await db
      .selectFrom('observation_facts')
      .select((eb) => [
        'look_for_id',
        'observed_on',
        eb.fn.sum<number>('seen').as('seen'),
        eb.fn.sum<number>('not_seen').as('not_seen'),
        eb.fn.sum<number>('na').as('na'),
      ])
      .where('answer', 'in', ['seen', 'not_seen', 'na'])
      .groupBy(['look_for_id', 'observed_on'])
      .orderBy(['look_for_id', 'observed_on'])
      .execute();
    const plain = (rows: typeof stored) =>
      rows.map((r) => [
        r.look_for_id,
        r.observed_on,
        Number(r.seen),
        Number(r.not_seen),
        Number(r.na),
      ]);
    return { stored: plain(stored), summed: plain(summed) };
  }

  it('agree after visits are added, moved to another day, and deleted', async () => {
    const a = visit(plan, 1, { responses: { 'checks-understanding': 'seen' } });
    const b = visit(plan, 2, { responses: { 'checks-understanding': 'not_seen' } });
    const results = (await server.push(client, [putMutation(client, a), putMutation(client, b)]))
      .results;
    let totals = await both();
    expect(totals.stored).toEqual([['checks-understanding', '2026-10-05', 1, 1, 0]]);
    expect(totals.stored).toEqual(totals.summed);
    const revB = results[1]?.status === 'applied' ? results[1].rev : null;
    const moved = {
      ...b,
      startedAt: '2026-10-06T09:00:00.000Z',
      endedAt: '2026-10-06T09:05:00.000Z',
    };
    await server.push(client, [putMutation(client, moved, { baseRev: revB })]);
    totals = await both();
    expect(totals.stored).toEqual([
      ['checks-understanding', '2026-10-05', 1, 0, 0],
      ['checks-understanding', '2026-10-06', 0, 1, 0],
    ]);
    expect(totals.stored).toEqual(totals.summed);
    const revA = results[0]?.status === 'applied' ? results[0].rev : null;
    await server.push(client, [
      putMutation(client, a, { op: 'delete', data: null, baseRev: revA }),
    ]);
    totals = await both();
    expect(totals.stored).toEqual([['checks-understanding', '2026-10-06', 0, 1, 0]]);
    expect(totals.stored).toEqual(totals.summed);
  });
});
