import { describe, expect, it } from 'vitest';
import { blastEmpoweredLearning, findBuiltinProtocol } from '../../../src/shared/builtin-protocols';
import {
  Entity,
  checkEntity,
  deleteProblems,
  entityNames,
  parseStoredProtocol,
  type EntityContext,
} from '../../../src/shared/entities';
import { protocolKey, type Protocol } from '../../../src/shared/protocol';
import { archive, draftFrom, publish } from '../../../src/shared/protocol-rules';
import { draftProtocol, lookFor, observation, protocol, section } from '../../support/factories';

const now = new Date('2026-12-01T10:30:00.000Z');

/** Protocol versions held in memory: the starter library first, as the server does. */
function contextWith(stored: readonly Protocol[] = [], current: unknown = null): EntityContext {
  return {
    findProtocol: async (id, version) =>
      findBuiltinProtocol(id, version) ?? stored.find((p) => p.id === id && p.version === version),
    current,
  };
}

const keyOf = (p: Protocol) => protocolKey(p.id, p.version);

const checkProtocol = (p: unknown, current: unknown = null, key = keyOf(p as Protocol)) =>
  checkEntity('protocol', key, p, contextWith([], current));

const neverChanges = (version: number, status: string) => ({
  ok: false,
  errors: [
    {
      path: 'status',
      message: `Version ${version} is ${status} and never changes; edit it to make a new version`,
    },
  ],
});

describe('Entity', () => {
  it('knows every synced kind of record', () => {
    expect(entityNames).toStrictEqual([
      'observation',
      'protocol',
      'round',
      'round-progress',
      'visit',
      'visit-note',
      'shared-note',
      'reflection',
    ]);
    expect(Entity.safeParse('observation').success).toBe(true);
    expect(Entity.safeParse('protocol').success).toBe(true);
    expect(Entity.safeParse('note').success).toBe(false);
  });
});

describe('checkEntity for an observation', () => {
  it('accepts a valid observation whose id matches the mutation', async () => {
    const record = observation();
    expect(await checkEntity('observation', record.id, record, contextWith())).toStrictEqual({
      ok: true,
      data: record,
    });
  });

  it('returns the parsed data, trimmed, not the raw input', async () => {
    const record = observation({ room: '  204  ' });
    const result = await checkEntity('observation', record.id, record, contextWith());
    expect(result).toStrictEqual({ ok: true, data: { ...record, room: '204' } });
  });

  it('refuses a record whose id differs from the mutation entity id', async () => {
    const record = observation();
    expect(
      await checkEntity('observation', crypto.randomUUID(), record, contextWith()),
    ).toStrictEqual({
      ok: false,
      errors: [{ path: 'id', message: 'Does not match the entity id of the mutation' }],
    });
  });

  it('refuses a record naming a protocol version that neither the starter library nor the store holds', async () => {
    const record = observation({ protocolVersion: 99 });
    expect(await checkEntity('observation', record.id, record, contextWith())).toStrictEqual({
      ok: false,
      errors: [{ path: 'protocolId', message: 'Unknown protocol blast-empowered-learning v99' }],
    });
  });

  it('refuses responses to look-fors the protocol does not have', async () => {
    const record = observation({ responses: { 'students-choose': 'seen', 'made-up': 'na' } });
    expect(await checkEntity('observation', record.id, record, contextWith())).toStrictEqual({
      ok: false,
      errors: [
        {
          path: 'responses.made-up',
          message: 'Not a look-for of Blast Walkthrough: Empowered Learning',
        },
      ],
    });
  });

  it('reports an id mismatch and protocol problems together, id first', async () => {
    const record = observation({ responses: { 'made-up': 'na' } });
    const result = await checkEntity('observation', 'another-id', record, contextWith());
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toStrictEqual([
      'id',
      'responses.made-up',
    ]);
  });

  it('reports schema problems as field issues and skips the cross-record rules', async () => {
    const record = observation({ room: '', responses: { 'made-up': 'na' } });
    expect(await checkEntity('observation', 'another-id', record, contextWith())).toStrictEqual({
      ok: false,
      errors: [{ path: 'room', message: 'Room is required' }],
    });
  });

  it('refuses data that is not an object', async () => {
    expect(await checkEntity('observation', 'x', 'hello', contextWith())).toStrictEqual({
      ok: false,
      errors: [{ path: '(root)', message: 'Invalid input' }],
    });
  });

  it('asks the context for the exact protocol version the observation pins', async () => {
    const asked: Array<[string, number]> = [];
    const ctx: EntityContext = {
      findProtocol: async (id, version) => {
        asked.push([id, version]);
        return protocol({ version: 3 });
      },
      current: null,
    };
    const record = observation({ protocolId: 'morning-rounds', protocolVersion: 3, responses: {} });
    expect((await checkEntity('observation', record.id, record, ctx)).ok).toBe(true);
    expect(asked).toStrictEqual([['morning-rounds', 3]]);
  });

  it('accepts an observation against a stored custom protocol with every kind of answer', async () => {
    const rounds = protocol();
    const record = observation({
      protocolId: rounds.id,
      protocolVersion: rounds.version,
      responses: {
        'checks-understanding': 'seen',
        'wait-time': { level: 'medium' },
        'questions-asked': { count: 5 },
        grouping: { choices: ['small-groups'] },
        'tools-used': { choices: ['whiteboards', 'manipulatives'] },
        noticing: { text: 'Groups sort cards' },
        'student-voice': { quote: 'We are learning to sort shapes' },
      },
    });
    const result = await checkEntity('observation', record.id, record, contextWith([rounds]));
    expect(result).toStrictEqual({ ok: true, data: record });
  });

  it('refuses an answer of the wrong kind for its look-for', async () => {
    const rounds = protocol();
    const record = observation({
      protocolId: rounds.id,
      protocolVersion: rounds.version,
      responses: { 'wait-time': 'seen', grouping: { choices: ['pairs', 'whole-class'] } },
    });
    expect(
      await checkEntity('observation', record.id, record, contextWith([rounds])),
    ).toStrictEqual({
      ok: false,
      errors: [
        { path: 'responses.wait-time', message: 'Expected a level of the scale' },
        { path: 'responses.grouping', message: 'Only one option may be chosen' },
      ],
    });
  });

  it('refuses an observation against a draft protocol', async () => {
    const draft = draftProtocol();
    const record = observation({
      protocolId: draft.id,
      protocolVersion: draft.version,
      responses: {},
    });
    expect(await checkEntity('observation', record.id, record, contextWith([draft]))).toStrictEqual(
      {
        ok: false,
        errors: [{ path: 'protocolVersion', message: 'Observations use published protocols only' }],
      },
    );
  });

  it('still accepts an observation against version 1 once version 2 exists', async () => {
    const v1 = protocol();
    // Version 2 drops the wait-time scale and adds a tally in its place.
    const v2 = protocol({
      version: 2,
      sections: [
        section({
          lookFors: [
            lookFor({ id: 'cold-calls', text: 'Cold calls', response: { kind: 'tally' } }),
          ],
        }),
      ],
    });
    const ctx = contextWith([v1, v2]);
    const onV1 = observation({
      protocolId: v1.id,
      protocolVersion: 1,
      responses: { 'wait-time': { level: 'short' } },
    });
    expect(await checkEntity('observation', onV1.id, onV1, ctx)).toStrictEqual({
      ok: true,
      data: onV1,
    });
    const onV2 = { ...onV1, id: crypto.randomUUID(), protocolVersion: 2 };
    expect(await checkEntity('observation', onV2.id, onV2, ctx)).toStrictEqual({
      ok: false,
      errors: [{ path: 'responses.wait-time', message: 'Not a look-for of Morning rounds' }],
    });
  });

  it('still accepts an observation against an archived version', async () => {
    const archived = archive(protocol(), now);
    const record = observation({
      protocolId: archived.id,
      protocolVersion: archived.version,
      responses: { noticing: { text: 'Pairs' } },
    });
    expect((await checkEntity('observation', record.id, record, contextWith([archived]))).ok).toBe(
      true,
    );
  });
});

describe('checkEntity for a protocol', () => {
  it('never overwrites a stored version it cannot read, unless that version was a draft', async () => {
    const p = protocol();
    const unreadable = { ...p, sections: 'not a list' };
    expect(await checkProtocol(p, unreadable)).toStrictEqual({
      ok: false,
      errors: [
        { path: 'status', message: 'The stored version cannot be read, so it is kept as it is' },
      ],
    });
    const unreadableDraft = { ...draftProtocol(), sections: 'not a list' };
    const fresh = draftProtocol();
    expect(await checkProtocol(fresh, unreadableDraft)).toMatchObject({ ok: true });
  });

  it('accepts a new published custom protocol under its key and returns the parsed data', async () => {
    const p = protocol({ name: '  Morning rounds  ' });
    expect(await checkProtocol(p)).toStrictEqual({
      ok: true,
      data: { ...p, name: 'Morning rounds' },
    });
  });

  it('refuses a record whose id and version do not match the entity key', async () => {
    const p = protocol();
    for (const key of [
      'morning-rounds.v2',
      'evening-rounds.v1',
      'morning-rounds',
      'morning-rounds@1',
    ]) {
      expect(await checkProtocol(p, null, key), key).toStrictEqual({
        ok: false,
        errors: [{ path: 'id', message: `Does not match the entity id ${key}` }],
      });
    }
  });

  it('refuses a write to a starter version, even unchanged', async () => {
    const starter = blastEmpoweredLearning;
    for (const data of [starter, archive(starter, now), { ...starter, name: 'Our blast' }]) {
      expect(await checkProtocol(data, null, 'blast-empowered-learning.v1')).toStrictEqual({
        ok: false,
        errors: [
          {
            path: 'version',
            message: 'The starter version never changes; edit it to make a new version',
          },
        ],
      });
    }
  });

  it('accepts version 2 of a starter protocol as a draft and then published', async () => {
    const draft = draftFrom(blastEmpoweredLearning, 2, now);
    expect(await checkProtocol(draft)).toStrictEqual({ ok: true, data: draft });
    const published = publish(draft, now);
    expect(await checkProtocol(published, draft)).toStrictEqual({ ok: true, data: published });
  });

  it('accepts a draft with an empty look-for text, an empty name and an empty section', async () => {
    const draft = draftProtocol({
      name: '',
      sections: [
        section({ lookFors: [lookFor({ text: '' })] }),
        section({ id: 'empty', title: '', lookFors: [] }),
      ],
    });
    expect(await checkProtocol(draft)).toStrictEqual({ ok: true, data: draft });
  });

  it('still refuses markup in a draft', async () => {
    const draft = draftProtocol({ sections: [section({ lookFors: [lookFor({ text: '</b>' })] })] });
    expect(await checkProtocol(draft)).toStrictEqual({
      ok: false,
      errors: [
        { path: 'sections.0.lookFors.0.text', message: 'Look-for text cannot contain HTML tags' },
      ],
    });
  });

  it('checks a published version with the strict schema', async () => {
    const published = protocol({ sections: [section({ lookFors: [lookFor({ text: '' })] })] });
    expect(await checkProtocol(published)).toStrictEqual({
      ok: false,
      errors: [{ path: 'sections.0.lookFors.0.text', message: 'Look-for text is required' }],
    });
  });

  it('checks an archived version with the strict schema', async () => {
    const archived = protocol({ status: 'archived', name: '' });
    expect(await checkProtocol(archived)).toStrictEqual({
      ok: false,
      errors: [{ path: 'name', message: 'Name is required' }],
    });
  });

  it('refuses a published version without a publication time', async () => {
    expect(await checkProtocol(protocol({ publishedAt: null }))).toStrictEqual({
      ok: false,
      errors: [
        { path: 'publishedAt', message: 'A published version records when it was published' },
      ],
    });
  });

  it('refuses publishing a version with no look-fors or an empty section', async () => {
    const draft = draftProtocol({
      sections: [section({ lookFors: [] }), section({ id: 'two', title: 'Two', lookFors: [] })],
    });
    expect(await checkProtocol(publish(draft, now), draft)).toStrictEqual({
      ok: false,
      errors: [
        { path: 'sections', message: 'Add at least one look-for before publishing' },
        { path: 'sections.0.lookFors', message: '"General" has no look-fors' },
        { path: 'sections.1.lookFors', message: '"Two" has no look-fors' },
      ],
    });
  });

  it('lets a stored draft change freely', async () => {
    const draft = draftProtocol();
    const edited = draftProtocol({ name: 'Renamed', sections: [section()] });
    expect(await checkProtocol(edited, draft)).toStrictEqual({ ok: true, data: edited });
  });

  it('lets a published version be archived unchanged', async () => {
    const published = protocol();
    const archived = archive(published, now);
    expect(await checkProtocol(archived, published)).toStrictEqual({ ok: true, data: archived });
  });

  it('lets a published version be sent again unchanged', async () => {
    const published = protocol();
    expect(await checkProtocol(published, published)).toStrictEqual({ ok: true, data: published });
  });

  it('refuses any other change to a published version', async () => {
    const published = protocol({ version: 2 });
    const changes = [
      { ...published, name: 'Renamed' },
      { ...archive(published, now), name: 'Renamed' },
      { ...published, status: 'draft', publishedAt: null },
      { ...published, sections: [section()] },
    ];
    for (const next of changes) {
      expect(await checkProtocol(next, published)).toStrictEqual(neverChanges(2, 'published'));
    }
  });

  it('compares the stored and new versions after trimming, so whitespace is no change', async () => {
    const published = protocol();
    const padded = { ...published, name: `  ${published.name} ` };
    expect(await checkProtocol(padded, published)).toStrictEqual({ ok: true, data: published });
  });

  it('never lets an archived version change', async () => {
    const archived = archive(protocol({ version: 4 }), now);
    expect(await checkProtocol({ ...archived, status: 'published' }, archived)).toStrictEqual(
      neverChanges(4, 'archived'),
    );
    expect(await checkProtocol({ ...archived, purpose: 'New' }, archived)).toStrictEqual(
      neverChanges(4, 'archived'),
    );
  });

  it('reports schema problems before looking at the key', async () => {
    expect(await checkProtocol({ ...protocol(), version: 0 }, null, 'morning-rounds.v0')).toEqual({
      ok: false,
      errors: [{ path: 'version', message: expect.any(String) }],
    });
  });
});

describe('deleteProblems', () => {
  it('has nothing to say about a record that is not stored', () => {
    expect(deleteProblems('protocol', undefined)).toEqual([]);
  });

  it('lets any observation be deleted', () => {
    expect(deleteProblems('observation', observation())).toStrictEqual([]);
    expect(deleteProblems('observation', null)).toStrictEqual([]);
  });

  it('lets a draft protocol, or one never stored, be deleted', () => {
    expect(deleteProblems('protocol', draftProtocol())).toStrictEqual([]);
    expect(deleteProblems('protocol', null)).toStrictEqual([]);
  });

  it('refuses deleting a published or archived protocol', () => {
    for (const current of [protocol(), archive(protocol(), now)]) {
      expect(deleteProblems('protocol', current), current.status).toStrictEqual([
        { path: 'status', message: 'A published protocol is archived, never deleted' },
      ]);
    }
  });

  it('refuses deleting a stored protocol whose status cannot be read', () => {
    expect(deleteProblems('protocol', { name: 'Corrupt' })).toHaveLength(1);
  });
});

describe('parseStoredProtocol', () => {
  it('parses a stored published version strictly', () => {
    const p = protocol();
    expect(parseStoredProtocol(p)).toStrictEqual(p);
    expect(
      parseStoredProtocol(protocol({ sections: [section({ lookFors: [lookFor({ text: '' })] })] })),
    ).toBeUndefined();
  });

  it('parses a stored draft as a draft', () => {
    const draft = draftProtocol({ sections: [section({ lookFors: [lookFor({ text: '' })] })] });
    expect(parseStoredProtocol(draft)).toStrictEqual(draft);
  });

  it('gives nothing for missing or malformed data', () => {
    for (const data of [
      null,
      undefined,
      'protocol',
      { status: 'draft' },
      { ...protocol(), version: -1 },
    ]) {
      expect(parseStoredProtocol(data), JSON.stringify(data)).toBeUndefined();
    }
  });
});
