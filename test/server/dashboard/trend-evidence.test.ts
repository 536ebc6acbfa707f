import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Evidence, Trend } from '../../../src/shared/dashboard';
import type { Round } from '../../../src/shared/rounds';
import { protocolPut, walkProtocol } from '../../support/dashboard-seed';
import {
  lookFor,
  observation,
  protocol,
  putMutation,
  TEST_SCHOOL_ID,
} from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { fallAnswers, pushVisits, seedProtocol, seedRound } from './seed-round';

const dialects = await testDialects();

/** Version 2 adds student-reasoning to the students-doing section. */
const v1 = walkProtocol();
const v2 = walkProtocol({
  version: 2,
  sections: [
    v1.sections[0]!,
    {
      ...v1.sections[1]!,
      lookFors: [
        lookFor({ id: 'student-reasoning', text: 'Students justify an answer' }),
        ...v1.sections[1]!.lookFors,
      ],
    },
  ],
});

describe.each(dialects)('trend and evidence, on %s', (dialect) => {
  let server: TestServer;
  let fall: Round;
  let winter: Round;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await seedProtocol(server, v1);
    const client = crypto.randomUUID();
    await server.push(client, [protocolPut(client, v2)]);
    fall = await seedRound(server);
    winter = await seedRound(server, {
      name: 'Winter sweep',
      startsOn: '2027-01-11',
      endsOn: '2027-01-15',
      protocolVersion: 2,
    });
    await pushVisits(server, fall, fallAnswers);
    const winterVisit = (answer: 'seen' | 'not_seen') => ({
      band: '3-5' as const,
      notes: '',
      answers: { 'checks-understanding': answer, 'student-reasoning': 'seen' as const },
    });
    await pushVisits(server, winter, [
      ...Array(5).fill(winterVisit('seen')),
      winterVisit('not_seen'),
    ]);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const getJson = async <T>(path: string) => {
    const res = await server.app.request(path, { headers: { cookie: await server.cookie() } });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };

  it('follows a look-for across rounds and versions, and says it is up since last round', async () => {
    const trend = await getJson<Trend>(
      `/api/dashboard/trend?schoolId=${TEST_SCHOOL_ID}&protocolId=school-walk`,
    );
    expect(trend.rounds.map((r) => r.name)).toEqual(['Fall sweep', 'Winter sweep']);
    const line = trend.lines.find((l) => l.lookForId === 'checks-understanding')!;
    expect(
      line.points.map((p) =>
        'absent' in p.cell || p.cell.suppressed || p.cell.share.suppressed
          ? null
          : p.cell.share.percentSeen,
      ),
    ).toEqual([71.4, 83.3]);
    expect(line.change).toEqual({ from: fall.id, to: winter.id, points: 11.9, direction: 'up' });
  });

  it('marks a look-for added in version 2 absent from the version 1 round, not zero', async () => {
    const trend = await getJson<Trend>(
      `/api/dashboard/trend?schoolId=${TEST_SCHOOL_ID}&protocolId=school-walk`,
    );
    const line = trend.lines.find((l) => l.lookForId === 'student-reasoning')!;
    expect(line.points[0]?.cell).toEqual({ absent: true });
    expect(line.points[1]?.cell).toMatchObject({ suppressed: false, share: { percentSeen: 100 } });
    expect(line.change).toBeNull();
  });

  it('lists a round only with the look-fors of its own version', async () => {
    const fallIds = (
      await getJson<{ lookFors: Array<{ lookForId: string }> }>(
        `/api/dashboard/summary?roundId=${fall.id}`,
      )
    ).lookFors.map((r) => r.lookForId);
    expect(fallIds).not.toContain('student-reasoning');
  });

  it('shows the notes and quotes in scope as text only, sorted, with no observer or room', async () => {
    const evidence = await getJson<Evidence>(`/api/dashboard/evidence?roundId=${fall.id}`);
    expect(evidence).toEqual({
      suppressed: false,
      staffView: false,
      picks: [],
      notes: [
        'Anchor chart of strategies.',
        'Exit tickets on every desk.',
        'Pairs compared two strategies.',
      ],
      quotes: [
        {
          lookForId: 'student-voice',
          text: 'What a student says when asked what they are learning',
          quotes: [
            'Ask three before me',
            'Because of the graph',
            'I can explain it',
            'We find patterns',
            'We vote on it',
          ],
        },
      ],
    });
    expect(JSON.stringify(evidence)).not.toMatch(/Coach Rivera|Room \d|observer/);
  });

  it('shows no evidence for a scope resting on fewer classrooms than the threshold', async () => {
    const evidence = await getJson<Evidence>(
      `/api/dashboard/evidence?roundId=${fall.id}&gradeBand=K-2`,
    );
    expect(evidence).toEqual({ suppressed: true, reason: 'fewer than 5 classrooms' });
  });

  it('never shows the notes of a peer observation', async () => {
    const client = crypto.randomUUID();
    await server.push(client, [protocolPut(client, protocol())]);
    const peer = observation({
      protocolId: 'morning-rounds',
      status: 'complete',
      startedAt: '2026-10-05T10:00:00.000Z',
      endedAt: '2026-10-05T10:20:00.000Z',
      notes: 'A private peer note',
      responses: {},
    });
    await server.push(client, [putMutation(client, peer)]);
    const evidence = await getJson<Evidence>(
      `/api/dashboard/evidence?schoolId=${TEST_SCHOOL_ID}&protocolId=school-walk&from=2026-10-01&to=2026-10-31`,
    );
    expect(JSON.stringify(evidence)).not.toContain('A private peer note');
    const peerScope = await server.app.request(
      `/api/dashboard/evidence?schoolId=${TEST_SCHOOL_ID}&protocolId=morning-rounds&from=2026-10-01&to=2026-10-31`,
      { headers: { cookie: await server.cookie() } },
    );
    expect(await peerScope.text()).not.toContain('A private peer note');
  });
});
