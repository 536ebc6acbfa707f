import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { connectDb } from '../../../src/server/db/connect';
import type { PullResponse, PushResponse } from '../../../src/shared/sync';
import { observation, putMutation, TEST_SCHOOL_ID, TEST_USER_ID } from '../../support/factories';
import { signedInCookie } from '../../support/server-app';
import { createTestDb, postgresAvailable, postgresUrl } from '../../support/test-db';

const CLIENTS = 6;
const BATCHES = 5;
const PER_BATCH = 20;

/**
 * Two app servers on one PostgreSQL, as a district runs them behind a load balancer:
 * pushes land on both at once while a device pulls from both in turn. Every record
 * must reach the puller exactly once: a cursor that skipped a number still being
 * written, or served one twice, would lose or double a note on a device.
 */
describe.runIf(process.env.CI || (await postgresAvailable()))(
  'two app servers on one PostgreSQL',
  () => {
    it('never lets a pull cursor skip or repeat a record while both take pushes', async () => {
      const first = await createTestDb('postgres');
      const second = connectDb({ dataDir: '', databaseUrl: postgresUrl, pgSchema: first.schema });
      try {
        const apps = [first.db, second.db].map((db) => createApp({ db, log: () => undefined }));
        const cookie = await signedInCookie(first.db, {
          id: TEST_USER_ID,
          districtAdmin: true,
          roles: [{ schoolId: TEST_SCHOOL_ID, role: 'coach' }],
        });
        const expected = new Set<string>();
        let pushing = true;

        const device = async (n: number) => {
          const clientId = crypto.randomUUID();
          for (let b = 0; b < BATCHES; b += 1) {
            const records = Array.from({ length: PER_BATCH }, () => observation());
            const res = await apps[(n + b) % 2]!.request('/api/sync/push', {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie },
              body: JSON.stringify({
                clientId,
                mutations: records.map((r) => putMutation(clientId, r)),
              }),
            });
            expect(res.status).toBe(200);
            const { results } = (await res.json()) as PushResponse;
            expect(results.every((r) => r.status === 'applied')).toBe(true);
            for (const r of records) expected.add(r.id);
          }
        };

        const seen: string[] = [];
        let cursor = 0;
        let lastSeq = 0;
        const pullOnce = async (i: number) => {
          const res = await apps[i % 2]!.request(`/api/sync/pull?cursor=${cursor}&limit=7`, {
            headers: { cookie },
          });
          expect(res.status).toBe(200);
          const page = (await res.json()) as PullResponse;
          for (const change of page.changes) {
            expect(change.serverSeq).toBeGreaterThan(lastSeq);
            lastSeq = change.serverSeq;
            if (change.kind === 'record') seen.push(change.entityId);
          }
          cursor = page.cursor;
          return page.hasMore;
        };
        const puller = async () => {
          let i = 0;
          while (pushing) await pullOnce((i += 1));
          while (await pullOnce((i += 1)));
        };

        const pulling = puller();
        await Promise.all(Array.from({ length: CLIENTS }, (_, n) => device(n)));
        pushing = false;
        await pulling;

        expect(new Set(seen).size).toBe(seen.length);
        expect(new Set(seen)).toEqual(expected);
        expect(seen).toHaveLength(CLIENTS * BATCHES * PER_BATCH);
      } finally {
        await second.close();
        await first.dispose();
      }
    });
  },
);
