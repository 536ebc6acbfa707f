import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  ErrorBody,
  ErrorCode,
  errorBody,
  errorCodes,
  issuesToFields,
} from '../../src/shared/errors';

function fieldsOf(schema: z.ZodMiniType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return issuesToFields(result.error);
}

describe('errorBody', () => {
  it('leaves details out when none are given', () => {
    const body = errorBody('not_found', 'No such record');
    expect(body).toStrictEqual({ error: { code: 'not_found', message: 'No such record' } });
    expect('details' in body.error).toBe(false);
  });

  it('leaves details out when the list of details is empty', () => {
    const body = errorBody('invalid_request', 'Bad request', []);
    expect(body).toStrictEqual({ error: { code: 'invalid_request', message: 'Bad request' } });
    expect('details' in body.error).toBe(false);
  });

  it('keeps every field issue it is given, in order', () => {
    const details = [
      { path: 'room', message: 'Room is required' },
      { path: 'endedAt', message: 'End time is before start time' },
    ];
    expect(errorBody('invalid_request', 'Check the fields', details)).toStrictEqual({
      error: { code: 'invalid_request', message: 'Check the fields', details },
    });
  });

  it('builds bodies the shared ErrorBody schema accepts unchanged', () => {
    const body = errorBody('payload_too_large', 'Too big', [{ path: '(root)', message: 'x' }]);
    expect(ErrorBody.parse(body)).toStrictEqual(body);
  });
});

describe('ErrorBody', () => {
  it('refuses a code that is not one of the shared error codes', () => {
    const result = ErrorBody.safeParse({ error: { code: 'teapot', message: 'Short and stout' } });
    expect(result.success).toBe(false);
  });

  it('refuses a body without a message', () => {
    expect(ErrorBody.safeParse({ error: { code: 'internal' } }).success).toBe(false);
  });

  it('refuses details that are not path/message pairs', () => {
    const result = ErrorBody.safeParse({
      error: { code: 'internal', message: 'Oops', details: [{ path: 'room' }] },
    });
    expect(result.success).toBe(false);
  });

  it('offers exactly the documented error codes', () => {
    expect(ErrorCode.options).toStrictEqual([
      'bad_json',
      'invalid_request',
      'payload_too_large',
      'unauthorized',
      'forbidden',
      'conflict',
      'too_many_requests',
      'unsupported_media_type',
      'not_found',
      'method_not_allowed',
      'internal',
      'busy',
      'timeout',
      'photo_missing',
      'hash_mismatch',
    ]);
    expect(ErrorCode.options).toStrictEqual([...errorCodes]);
  });
});

describe('issuesToFields', () => {
  it('names a top-level field by its key', () => {
    const schema = z.object({ room: z.string().check(z.minLength(1, { error: 'Room please' })) });
    expect(fieldsOf(schema, { room: '' })).toStrictEqual([
      { path: 'room', message: 'Room please' },
    ]);
  });

  it('joins nested keys and array indexes with dots', () => {
    const schema = z.object({
      mutations: z.array(z.object({ clientId: z.string({ error: 'Need a client' }) })),
    });
    expect(fieldsOf(schema, { mutations: [{ clientId: 'a' }, { clientId: 7 }] })).toStrictEqual([
      { path: 'mutations.1.clientId', message: 'Need a client' },
    ]);
  });

  it('names record keys in the path', () => {
    const schema = z.object({ responses: z.record(z.string(), z.enum(['seen'], { error: 'No' })) });
    expect(fieldsOf(schema, { responses: { 'students-choose': 'maybe' } })).toStrictEqual([
      { path: 'responses.students-choose', message: 'No' },
    ]);
  });

  it('calls an issue with an empty path (root)', () => {
    const schema = z.object({ a: z.string() }, { error: 'Send an object' });
    expect(fieldsOf(schema, 'not an object')).toStrictEqual([
      { path: '(root)', message: 'Send an object' },
    ]);
  });

  it('reports one entry per issue, in the order zod found them', () => {
    const schema = z.object({
      school: z.string({ error: 'School?' }),
      room: z.string({ error: 'Room?' }),
    });
    expect(fieldsOf(schema, {})).toStrictEqual([
      { path: 'school', message: 'School?' },
      { path: 'room', message: 'Room?' },
    ]);
  });
});
