import { describe, expect, it } from 'vitest';
import { issuesToFields } from '../../src/shared/errors';
import {
  Change,
  DEFAULT_PULL_LIMIT,
  MAX_BODY_BYTES,
  MAX_PULL_LIMIT,
  MAX_PUSH_MUTATIONS,
  Mutation,
  PullQuery,
  PullResponse,
  PushRequest,
  PushResponse,
  PushResult,
} from '../../src/shared/sync';
import { observation, putMutation } from '../support/factories';

const clientId = '7d1c2b4e-0f5a-4c3e-9b8a-1a2b3c4d5e6f';
const uuid = () => crypto.randomUUID();

function pushRequest(mutationCount: number, id = clientId) {
  return {
    clientId: id,
    mutations: Array.from({ length: mutationCount }, () => putMutation(id, observation())),
  };
}

function pushIssues(value: unknown) {
  const result = PushRequest.safeParse(value);
  return result.success ? [] : issuesToFields(result.error);
}

describe('limits', () => {
  it('match the documented sync contract', () => {
    expect(MAX_PUSH_MUTATIONS).toBe(1000);
    expect(MAX_PULL_LIMIT).toBe(1000);
    expect(DEFAULT_PULL_LIMIT).toBe(200);
    expect(MAX_BODY_BYTES).toBe(5_242_880);
  });
});

describe('Mutation', () => {
  it('accepts a put from the factory', () => {
    const mutation = putMutation(clientId, observation());
    expect(Mutation.parse(mutation)).toStrictEqual(mutation);
  });

  it('accepts a delete that resolves conflict siblings', () => {
    const mutation = putMutation(clientId, observation(), {
      op: 'delete',
      data: null,
      baseRev: 4,
      resolves: [uuid(), uuid()],
    });
    expect(Mutation.safeParse(mutation).success).toBe(true);
  });

  it('refuses a base revision of zero', () => {
    const mutation = putMutation(clientId, observation(), { baseRev: 0 });
    expect(Mutation.safeParse(mutation).success).toBe(false);
  });

  it('refuses a negative or fractional client sequence', () => {
    expect(
      Mutation.safeParse(putMutation(clientId, observation(), { clientSeq: -1 })).success,
    ).toBe(false);
    expect(
      Mutation.safeParse(putMutation(clientId, observation(), { clientSeq: 1.5 })).success,
    ).toBe(false);
    expect(Mutation.safeParse(putMutation(clientId, observation(), { clientSeq: 0 })).success).toBe(
      true,
    );
  });

  it('refuses an unknown entity or operation', () => {
    const mutation = putMutation(clientId, observation());
    expect(Mutation.safeParse({ ...mutation, entity: 'lesson-plan' }).success).toBe(false);
    expect(Mutation.safeParse({ ...mutation, op: 'patch' }).success).toBe(false);
  });

  it('refuses an empty entity id or one over 64 characters', () => {
    const mutation = putMutation(clientId, observation());
    expect(Mutation.safeParse({ ...mutation, entityId: '' }).success).toBe(false);
    expect(Mutation.safeParse({ ...mutation, entityId: 'e'.repeat(64) }).success).toBe(true);
    expect(Mutation.safeParse({ ...mutation, entityId: 'e'.repeat(65) }).success).toBe(false);
  });

  it('refuses a device time that is not an ISO date-time', () => {
    const mutation = putMutation(clientId, observation(), { deviceTime: 'now' });
    expect(Mutation.safeParse(mutation).success).toBe(false);
  });

  it('refuses more than 100 resolved siblings', () => {
    const resolves = Array.from({ length: 101 }, uuid);
    expect(Mutation.safeParse(putMutation(clientId, observation(), { resolves })).success).toBe(
      false,
    );
  });
});

describe('PushRequest', () => {
  it('accepts one mutation from the same client', () => {
    expect(pushIssues(pushRequest(1))).toStrictEqual([]);
  });

  it('accepts exactly the maximum number of mutations', () => {
    expect(pushIssues(pushRequest(MAX_PUSH_MUTATIONS))).toStrictEqual([]);
  });

  it('refuses more than 1000 mutations', () => {
    const issues = pushIssues(pushRequest(MAX_PUSH_MUTATIONS + 1));
    expect(issues.map((i) => i.path)).toStrictEqual(['mutations']);
  });

  it('refuses an empty push', () => {
    const result = PushRequest.safeParse({ clientId, mutations: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.code, i.path])).toStrictEqual([
      ['too_small', ['mutations']],
    ]);
  });

  it('refuses a mutation carrying another client id', () => {
    const request = {
      clientId,
      mutations: [putMutation(clientId, observation()), putMutation(uuid(), observation())],
    };
    expect(pushIssues(request)).toStrictEqual([
      { path: 'mutations', message: 'Every mutation must carry the clientId of the request' },
    ]);
  });

  it('refuses a client id that is not a UUID', () => {
    expect(pushIssues(pushRequest(1, 'tablet-3')).map((i) => i.path)).toStrictEqual([
      'clientId',
      'mutations.0.clientId',
    ]);
  });

  it('points at the bad mutation by index', () => {
    const request = pushRequest(3);
    const mutations: unknown[] = [...request.mutations];
    mutations[2] = { ...request.mutations[2], op: 'patch' };
    const broken = { ...request, mutations };
    expect(pushIssues(broken).map((i) => i.path)).toStrictEqual(['mutations.2.op']);
  });
});

describe('PushResult', () => {
  const mutationId = uuid();

  it('reads an applied result', () => {
    const result = PushResult.parse({ mutationId, status: 'applied', rev: 3, serverSeq: 41 });
    expect(result).toStrictEqual({ mutationId, status: 'applied', rev: 3, serverSeq: 41 });
  });

  it('reads a conflict result with the current server version', () => {
    const conflictId = uuid();
    const result = PushResult.parse({
      mutationId,
      status: 'conflict',
      conflictId,
      serverSeq: 42,
      current: { rev: 5, deleted: false, data: { room: '101' } },
    });
    if (result.status !== 'conflict') throw new Error('expected a conflict');
    expect(result.conflictId).toBe(conflictId);
    expect(result.current).toStrictEqual({ rev: 5, deleted: false, data: { room: '101' } });
  });

  it('reads a rejected result with its field errors', () => {
    const errors = [{ path: 'room', message: 'Room is required' }];
    const result = PushResult.parse({ mutationId, status: 'rejected', errors });
    if (result.status !== 'rejected') throw new Error('expected a rejection');
    expect(result.errors).toStrictEqual(errors);
  });

  it('reads a duplicate that carries the original result', () => {
    const original = { mutationId, status: 'applied', rev: 1, serverSeq: 7 };
    const result = PushResult.parse({ mutationId, status: 'duplicate', original });
    if (result.status !== 'duplicate') throw new Error('expected a duplicate');
    expect(result.original).toStrictEqual(original);
  });

  it('refuses a duplicate of a duplicate', () => {
    const inner = {
      mutationId,
      status: 'duplicate',
      original: { mutationId, status: 'applied', rev: 1, serverSeq: 7 },
    };
    expect(PushResult.safeParse({ mutationId, status: 'duplicate', original: inner }).success).toBe(
      false,
    );
  });

  it('refuses an unknown status', () => {
    expect(PushResult.safeParse({ mutationId, status: 'queued' }).success).toBe(false);
  });

  it('checks the fields that belong to the status given', () => {
    // An applied result needs rev and serverSeq, even if it has conflict fields.
    expect(
      PushResult.safeParse({ mutationId, status: 'applied', conflictId: uuid(), serverSeq: 1 })
        .success,
    ).toBe(false);
    expect(PushResult.safeParse({ mutationId, status: 'rejected' }).success).toBe(false);
  });

  it('refuses a revision of zero', () => {
    expect(
      PushResult.safeParse({ mutationId, status: 'applied', rev: 0, serverSeq: 0 }).success,
    ).toBe(false);
  });

  it('wraps results in a response', () => {
    const response = { results: [{ mutationId, status: 'applied', rev: 1, serverSeq: 0 }] };
    expect(PushResponse.parse(response)).toStrictEqual(response);
  });
});

describe('Change', () => {
  const record = {
    kind: 'record',
    serverSeq: 10,
    entity: 'observation',
    entityId: 'abc',
    rev: 2,
    deleted: false,
    data: { room: '101' },
  };
  const conflict = {
    kind: 'conflict',
    serverSeq: 11,
    conflictId: uuid(),
    entity: 'observation',
    entityId: 'abc',
    baseRev: null,
    data: { room: '102' },
    createdAt: '2026-11-23T09:00:00.000Z',
    resolved: false,
  };

  it('reads a record change', () => {
    const change = Change.parse(record);
    expect(change).toStrictEqual(record);
    expect(change.kind).toBe('record');
  });

  it('reads a conflict change', () => {
    const change = Change.parse(conflict);
    if (change.kind !== 'conflict') throw new Error('expected a conflict');
    expect(change.baseRev).toBeNull();
    expect(change.resolved).toBe(false);
  });

  it('refuses an unknown kind', () => {
    expect(Change.safeParse({ ...record, kind: 'tombstone' }).success).toBe(false);
  });

  it('refuses a conflict change without a created time', () => {
    const rest: Record<string, unknown> = { ...conflict };
    delete rest.createdAt;
    expect(Change.safeParse(rest).success).toBe(false);
  });

  it('refuses a record change without a revision', () => {
    expect(Change.safeParse({ ...record, rev: undefined }).success).toBe(false);
  });
});

describe('PullQuery', () => {
  it('turns the cursor text into a number', () => {
    expect(PullQuery.parse({ cursor: '0' })).toStrictEqual({ cursor: 0 });
    expect(PullQuery.parse({ cursor: '007' })).toStrictEqual({ cursor: 7 });
    expect(PullQuery.parse({ cursor: '123456789012345' })).toStrictEqual({
      cursor: 123456789012345,
    });
  });

  it('refuses cursors that are not plain digits', () => {
    for (const cursor of ['', '-1', '1.5', '1e3', ' 1', '0x10', 'abc']) {
      expect(PullQuery.safeParse({ cursor }).success, cursor).toBe(false);
    }
  });

  it('refuses a cursor of more than 15 digits', () => {
    expect(PullQuery.safeParse({ cursor: '1234567890123456' }).success).toBe(false);
  });

  it('refuses a missing cursor or a cursor that is already a number', () => {
    expect(PullQuery.safeParse({}).success).toBe(false);
    expect(PullQuery.safeParse({ cursor: 5 }).success).toBe(false);
  });

  it('leaves the limit out when none is given', () => {
    expect(PullQuery.parse({ cursor: '5' })).toStrictEqual({ cursor: 5 });
  });

  it('accepts limits from 1 to 1000', () => {
    expect(PullQuery.parse({ cursor: '0', limit: '1' })).toStrictEqual({ cursor: 0, limit: 1 });
    expect(PullQuery.parse({ cursor: '0', limit: '0200' })).toStrictEqual({
      cursor: 0,
      limit: 200,
    });
    expect(PullQuery.parse({ cursor: '0', limit: '1000' })).toStrictEqual({
      cursor: 0,
      limit: 1000,
    });
  });

  it('refuses a limit of zero or over 1000', () => {
    for (const limit of ['0', '1001', '9999', '10000']) {
      const result = PullQuery.safeParse({ cursor: '0', limit });
      expect(result.success, limit).toBe(false);
      expect(
        result.error?.issues.map((i) => i.path),
        limit,
      ).toStrictEqual([['limit']]);
    }
  });

  it('refuses a limit that is not plain digits', () => {
    for (const limit of ['', '-5', '2.5', 'ten']) {
      expect(PullQuery.safeParse({ cursor: '0', limit }).success, limit).toBe(false);
    }
  });
});

describe('PullResponse', () => {
  it('reads a page of changes', () => {
    const response = { changes: [], cursor: 0, hasMore: false, reset: true };
    expect(PullResponse.parse(response)).toStrictEqual(response);
  });

  it('reads the watermark the server could serve up to, and does without it', () => {
    const response = { changes: [], cursor: 200, hasMore: true, reset: false, latest: 5000 };
    expect(PullResponse.parse(response)).toStrictEqual(response);
    expect(PullResponse.safeParse({ ...response, latest: undefined }).success).toBe(true);
    expect(PullResponse.safeParse({ ...response, latest: -1 }).success).toBe(false);
  });

  it('refuses a negative cursor', () => {
    expect(
      PullResponse.safeParse({ changes: [], cursor: -1, hasMore: false, reset: false }).success,
    ).toBe(false);
  });
});
