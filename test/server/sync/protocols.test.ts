import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { protocolKey, type Protocol } from '../../../src/shared/protocol';
import { draftFrom, publish } from '../../../src/shared/protocol-rules';
import type { Mutation } from '../../../src/shared/sync';
import { observation, putMutation } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const now = new Date('2026-11-23T10:00:00.000Z');

const draft: Protocol = {
  id: 'lincoln-walk-a1b2c3',
  version: 1,
  status: 'draft',
  name: 'Lincoln walk',
  purpose: 'Our building look-fors',
  kind: 'blast_walkthrough',
  publishedAt: null,
  updatedAt: now.toISOString(),
  sections: [
    {
      id: 'students',
      title: 'Students doing',
      focus: 'students',
      lookFors: [
        {
          id: 'peer-talk',
          text: 'Students talk to a peer',
          tags: ['Collaborative'],
          response: { kind: 'seen' },
        },
        {
          id: 'task-level',
          text: 'Level of the task',
          tags: [],
          response: {
            kind: 'scale',
            levels: [
              { id: 'recall', label: 'Recall' },
              { id: 'apply', label: 'Apply' },
            ],
          },
        },
      ],
    },
  ],
};

function protocolPut(clientId: string, p: Protocol, overrides: Partial<Mutation> = {}): Mutation {
  return {
    ...putMutation(clientId, observation(), overrides),
    entity: 'protocol',
    entityId: protocolKey(p.id, p.version),
    data: p,
    ...overrides,
  };
}

describe.each(dialects)('protocols through sync on %s', (dialect) => {
  let server: TestServer;
  const client = crypto.randomUUID();
  const other = crypto.randomUUID();

  beforeEach(async () => {
    server = await startTestServer(dialect);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  it('stores a draft, publishes it, and accepts observations against the published version only', async () => {
    const onDraft = observation({ protocolId: draft.id, responses: { 'peer-talk': 'seen' } });
    const first = await server.push(client, [
      protocolPut(client, draft),
      putMutation(client, onDraft),
    ]);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'rejected']);

    const published = publish(draft, now);
    const second = await server.push(client, [
      protocolPut(client, published, { baseRev: 1 }),
      putMutation(client, {
        ...onDraft,
        responses: { 'peer-talk': 'seen', 'task-level': { level: 'apply' } },
      }),
    ]);
    expect(second.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('never changes a published version, but lets it be archived', async () => {
    const published = publish(draft, now);
    await server.push(client, [protocolPut(client, published)]);
    const edited = { ...published, name: 'Renamed after publishing' };
    const refused = await server.push(client, [protocolPut(client, edited, { baseRev: 1 })]);
    expect(refused.results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'status' }] });

    const archived = await server.push(client, [
      protocolPut(client, { ...published, status: 'archived' }, { baseRev: 1 }),
    ]);
    expect(archived.results[0]).toMatchObject({ status: 'applied', rev: 2 });
  });

  it('keeps observations valid against v1 after v2 rewords and removes look-fors', async () => {
    const v1 = publish(draft, now);
    const v2 = publish(
      {
        ...draftFrom(v1, 2, now),
        sections: [
          {
            ...v1.sections[0]!,
            lookFors: [
              {
                ...v1.sections[0]!.lookFors[0]!,
                text: 'Students explain their thinking to a peer',
              },
            ],
          },
        ],
      },
      now,
    );
    await server.push(client, [protocolPut(client, v1), protocolPut(client, v2)]);
    const old = observation({
      protocolId: v1.id,
      protocolVersion: 1,
      responses: { 'peer-talk': 'seen', 'task-level': { level: 'recall' } },
    });
    const { results } = await server.push(client, [putMutation(client, old)]);
    expect(results[0]).toMatchObject({ status: 'applied' });

    const onV2 = { ...old, id: crypto.randomUUID(), protocolVersion: 2 };
    const refused = await server.push(client, [putMutation(client, onV2)]);
    expect(refused.results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ path: 'responses.task-level' }],
    });
  });

  it('keeps both drafts when two devices edit the same draft', async () => {
    await server.push(client, [protocolPut(client, draft)]);
    const mine = { ...draft, name: 'Lincoln walk (coach)' };
    const theirs = { ...draft, name: 'Lincoln walk (principal)' };
    await server.push(client, [protocolPut(client, mine, { baseRev: 1 })]);
    const answer = await server.push(other, [
      protocolPut(other, theirs, { baseRev: 1, clientId: other }),
    ]);
    expect(answer.results[0]).toMatchObject({
      status: 'conflict',
      current: { data: { name: mine.name } },
    });
    const pulled = await server.pull(0);
    expect(pulled.changes.find((c) => c.kind === 'conflict')).toMatchObject({
      entity: 'protocol',
      data: { name: theirs.name },
    });
  });

  it('refuses to overwrite a starter protocol and to delete a published version', async () => {
    const starter = await server.push(client, [
      {
        ...protocolPut(client, { ...draft, id: 'blast-empowered-learning' }),
        entityId: protocolKey('blast-empowered-learning', 1),
      },
    ]);
    expect(starter.results[0]).toMatchObject({ status: 'rejected' });

    await server.push(client, [protocolPut(client, publish(draft, now))]);
    const deletion = await server.push(client, [
      protocolPut(client, draft, { op: 'delete', data: null, baseRev: 1 }),
    ]);
    expect(deletion.results[0]).toMatchObject({ status: 'rejected', errors: [{ path: 'status' }] });
  });
});
