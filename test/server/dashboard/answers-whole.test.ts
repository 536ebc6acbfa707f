import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import {
  DashboardOptionsAnswer,
  DistrictAnswer,
  EvidenceAnswer,
  RoundTargetsAnswer,
  SummaryAnswer,
  TrendAnswer,
} from '../../../src/shared/answers/dashboard';
import type { Round } from '../../../src/shared/rounds';
import { TEST_SCHOOL_ID } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { fallAnswers, pushVisits, seedProtocol, seedRound } from './seed-round';

const dialects = await testDialects();

/**
 * The device checks every dashboard answer against its schema in
 * src/shared/answers, and a schema drops the fields it does not name. Each answer
 * the server sends must come through whole, or the screen silently loses a field
 * (as the round's purpose once did).
 */
describe.each(dialects)('dashboard answers read whole by the device, on %s', (dialect) => {
  let server: TestServer;
  let plan: Round;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await seedProtocol(server);
    plan = await seedRound(server, { purpose: 'How often do students explain their thinking?' });
    await pushVisits(server, plan, fallAnswers);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  async function whole<T>(schema: z.ZodMiniType<T>, path: string) {
    const res = await server.app.request(path, { headers: { cookie: await server.cookie() } });
    expect(res.status, await res.clone().text()).toBe(200);
    const sent: unknown = await res.json();
    const read = schema.safeParse(sent);
    expect(read.success, path).toBe(true);
    expect(read.data, path).toStrictEqual(sent);
  }

  it('keeps every field of the summary, evidence, trend, district, options and targets', async () => {
    const q = `roundId=${plan.id}`;
    await whole(SummaryAnswer, `/api/dashboard/summary?${q}`);
    await whole(EvidenceAnswer, `/api/dashboard/evidence?${q}`);
    await whole(RoundTargetsAnswer, `/api/dashboard/targets?${q}`);
    await whole(DashboardOptionsAnswer, '/api/dashboard/options');
    const scope = `schoolId=${TEST_SCHOOL_ID}&protocolId=${plan.protocolId}`;
    await whole(TrendAnswer, `/api/dashboard/trend?${scope}`);
    await whole(
      DistrictAnswer,
      `/api/dashboard/district?protocolId=${plan.protocolId}&from=2026-09-01&to=2026-12-31`,
    );
  });
});
