import { describe, expect, it } from 'vitest';
import { Entity, checkEntity, entityNames } from '../../src/shared/entities';
import { observation } from '../support/factories';

describe('Entity', () => {
  it('knows only observations so far', () => {
    expect(entityNames).toStrictEqual(['observation']);
    expect(Entity.safeParse('observation').success).toBe(true);
    expect(Entity.safeParse('protocol').success).toBe(false);
  });
});

describe('checkEntity', () => {
  it('accepts a valid observation whose id matches the mutation', () => {
    const record = observation();
    expect(checkEntity('observation', record.id, record)).toStrictEqual({ ok: true, data: record });
  });

  it('returns the parsed data, trimmed, not the raw input', () => {
    const record = observation({ room: '  204  ' });
    const result = checkEntity('observation', record.id, record);
    expect(result).toStrictEqual({ ok: true, data: { ...record, room: '204' } });
  });

  it('refuses a record whose id differs from the mutation entity id', () => {
    const record = observation();
    expect(checkEntity('observation', crypto.randomUUID(), record)).toStrictEqual({
      ok: false,
      errors: [{ path: 'id', message: 'Does not match the entity id of the mutation' }],
    });
  });

  it('refuses a record naming a protocol this build does not know', () => {
    const record = observation({ protocolVersion: 99 });
    expect(checkEntity('observation', record.id, record)).toStrictEqual({
      ok: false,
      errors: [{ path: 'protocolId', message: 'Unknown protocol blast-empowered-learning v99' }],
    });
  });

  it('refuses responses to look-fors the protocol does not have', () => {
    const record = observation({ responses: { 'students-choose': 'seen', 'made-up': 'na' } });
    expect(checkEntity('observation', record.id, record)).toStrictEqual({
      ok: false,
      errors: [
        {
          path: 'responses.made-up',
          message: 'Not a look-for of Blast Walkthrough: Empowered Learning',
        },
      ],
    });
  });

  it('reports an id mismatch and protocol problems together, id first', () => {
    const record = observation({ responses: { 'made-up': 'na' } });
    const result = checkEntity('observation', 'another-id', record);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toStrictEqual([
      'id',
      'responses.made-up',
    ]);
  });

  it('reports schema problems as field issues and skips the cross-record rules', () => {
    const record = observation({ room: '', responses: { 'made-up': 'na' } });
    expect(checkEntity('observation', 'another-id', record)).toStrictEqual({
      ok: false,
      errors: [{ path: 'room', message: 'Room is required' }],
    });
  });

  it('refuses data that is not an object', () => {
    expect(checkEntity('observation', 'x', 'hello')).toStrictEqual({
      ok: false,
      errors: [{ path: '(root)', message: 'Invalid input' }],
    });
  });
});
