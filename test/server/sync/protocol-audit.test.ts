import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { protocolKey, type Protocol } from '../../../src/shared/protocol';
import { archive, publish } from '../../../src/shared/protocol-rules';
import type { Mutation } from '../../../src/shared/sync';
import { auditRows } from '../../support/accounts';
import { draftProtocol, TEST_SCHOOL_ID, TEST_USER_ID } from '../../support/factories';
import { signedInCookie, startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const now = new Date('2026-11-23T10:00:00.000Z');
const TEACHER_ID = '00000000-0000-4000-8000-000000000071';
const DEVICE = crypto.randomUUID();
const TEACHER_DEVICE = crypto.randomUUID();

let seq = 0;
function protocolPut(p: Protocol, baseRev: number | null, clientId = DEVICE): Mutation {
  seq += 1;
  return {
    mutationId: crypto.randomUUID(),
    clientId,
    clientSeq: seq,
    entity: 'protocol',
    entityId: protocolKey(p.id, p.version),
    op: 'put',
    baseRev,
    data: p,
    deviceTime: now.toISOString(),
  };
}

describe.each(dialects)('protocol publishing in the audit log on %s', (dialect) => {
  let server: TestServer;
  const draft = draftProtocol({ id: 'lincoln-walk', schoolId: TEST_SCHOOL_ID });
  const protocolActions = async () =>
    (await auditRows(server))
      .filter((r) => r.action.startsWith('protocol.'))
      .map((r) => ({
        action: r.action,
        actor: r.actor_id,
        subject: r.subject,
        details: JSON.parse(r.details ?? 'null') as unknown,
      }));

  beforeEach(async () => {
    server = await startTestServer(dialect);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('records who published and who archived a version, and nothing for draft edits', async () => {
    const published = publish(draft, now);
    const results = await server.push(DEVICE, [
      protocolPut(draft, null),
      protocolPut({ ...draft, name: 'Lincoln walk, edited' }, 1),
      protocolPut(published, 2),
      protocolPut(archive(published, now), 3),
    ]);
    expect(results.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    const details = { name: draft.name, version: 1, schoolId: TEST_SCHOOL_ID };
    // One push shares one clock reading; compare without relying on the order of equal times.
    const actions = await protocolActions();
    expect(actions).toHaveLength(2);
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'protocol.published', actor: TEST_USER_ID, subject: 'lincoln-walk.v1', details },
        { action: 'protocol.archived', actor: TEST_USER_ID, subject: 'lincoln-walk.v1', details },
      ]),
    );
  });

  it('records a version pushed already published, once, even when the push is retried', async () => {
    const mutation = protocolPut(publish(draft, now), null);
    await server.push(DEVICE, [mutation]);
    const retry = await server.push(DEVICE, [mutation]);
    expect(retry.results[0]?.status).toBe('duplicate');
    expect((await protocolActions()).map((a) => a.action)).toEqual(['protocol.published']);
  });

  it('records nothing for a publish the server refuses or keeps as a conflict', async () => {
    const teacher = await signedInCookie(server.db.db, {
      id: TEACHER_ID,
      roles: [{ schoolId: TEST_SCHOOL_ID, role: 'teacher' }],
    });
    const refused = await server.push(
      TEACHER_DEVICE,
      [protocolPut(publish(draft, now), null, TEACHER_DEVICE)],
      teacher,
    );
    expect(refused.results[0]?.status).toBe('rejected');

    await server.push(DEVICE, [protocolPut(draft, null)]);
    await server.push(DEVICE, [protocolPut({ ...draft, name: 'Edited' }, 1)]);
    const stale = await server.push(DEVICE, [protocolPut(publish(draft, now), 1)]);
    expect(stale.results[0]?.status).toBe('conflict');
    expect(await protocolActions()).toEqual([]);
  });
});
