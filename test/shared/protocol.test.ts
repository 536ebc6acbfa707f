import { describe, expect, it } from 'vitest';
import {
  LookFor,
  Protocol,
  SeenResponse,
  protocolKinds,
  responseLabels,
  type LookFor as LookForType,
} from '../../src/shared/protocol';

function lookFor(overrides: Partial<LookForType> = {}): LookForType {
  return {
    id: 'students-talk',
    text: 'Students talk',
    responseType: 'seen_not_seen',
    ...overrides,
  };
}

function protocol(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test-protocol',
    version: 1,
    name: 'Test protocol',
    purpose: 'For tests',
    kind: 'peer_observation',
    lookFors: [lookFor()],
    ...overrides,
  };
}

describe('SeenResponse', () => {
  it('takes exactly seen, not_seen and na', () => {
    expect(SeenResponse.options).toStrictEqual(['seen', 'not_seen', 'na']);
  });

  it('refuses labels in place of values', () => {
    expect(SeenResponse.safeParse('Seen').success).toBe(false);
    expect(SeenResponse.safeParse('N/A').success).toBe(false);
  });

  it('labels every response for people', () => {
    expect(responseLabels).toStrictEqual({ seen: 'Seen', not_seen: 'Not seen', na: 'N/A' });
  });
});

describe('LookFor', () => {
  it('accepts a look-for with or without a hint', () => {
    expect(LookFor.safeParse(lookFor()).success).toBe(true);
    expect(LookFor.safeParse(lookFor({ hint: 'Turn and talk' })).success).toBe(true);
  });

  it('accepts an id of 64 lower-case characters and refuses 65', () => {
    expect(LookFor.safeParse(lookFor({ id: 'a'.repeat(64) })).success).toBe(true);
    expect(LookFor.safeParse(lookFor({ id: 'a'.repeat(65) })).success).toBe(false);
  });

  it('refuses ids with capitals, spaces or a leading hyphen', () => {
    for (const id of ['Students', 'students talk', '-students', '', 'students_talk']) {
      expect(LookFor.safeParse(lookFor({ id })).success, id).toBe(false);
    }
  });

  it('refuses empty text and text over 300 characters', () => {
    expect(LookFor.safeParse(lookFor({ text: '' })).success).toBe(false);
    expect(LookFor.safeParse(lookFor({ text: 't'.repeat(300) })).success).toBe(true);
    expect(LookFor.safeParse(lookFor({ text: 't'.repeat(301) })).success).toBe(false);
  });

  it('refuses a hint over 500 characters', () => {
    expect(LookFor.safeParse(lookFor({ hint: 'h'.repeat(500) })).success).toBe(true);
    expect(LookFor.safeParse(lookFor({ hint: 'h'.repeat(501) })).success).toBe(false);
  });

  it('refuses a response type other than seen_not_seen', () => {
    expect(LookFor.safeParse({ ...lookFor(), responseType: 'scale' }).success).toBe(false);
  });
});

describe('Protocol', () => {
  it('accepts a minimal protocol of every kind', () => {
    for (const kind of protocolKinds) {
      expect(Protocol.safeParse(protocol({ kind })).success, kind).toBe(true);
    }
  });

  it('refuses an unknown kind', () => {
    expect(Protocol.safeParse(protocol({ kind: 'evaluation' })).success).toBe(false);
  });

  it('refuses a protocol with no look-fors', () => {
    expect(Protocol.safeParse(protocol({ lookFors: [] })).success).toBe(false);
  });

  it('refuses more than 100 look-fors', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => lookFor({ id: `look-${i}` }));
    expect(Protocol.safeParse(protocol({ lookFors: many(100) })).success).toBe(true);
    expect(Protocol.safeParse(protocol({ lookFors: many(101) })).success).toBe(false);
  });

  it('refuses a version that is not a positive whole number', () => {
    for (const version of [0, -1, 1.5, '1']) {
      expect(Protocol.safeParse(protocol({ version })).success, String(version)).toBe(false);
    }
  });

  it('refuses an empty name and a name over 120 characters', () => {
    expect(Protocol.safeParse(protocol({ name: '' })).success).toBe(false);
    expect(Protocol.safeParse(protocol({ name: 'n'.repeat(120) })).success).toBe(true);
    expect(Protocol.safeParse(protocol({ name: 'n'.repeat(121) })).success).toBe(false);
  });

  it('refuses a purpose over 1000 characters', () => {
    expect(Protocol.safeParse(protocol({ purpose: 'p'.repeat(1000) })).success).toBe(true);
    expect(Protocol.safeParse(protocol({ purpose: 'p'.repeat(1001) })).success).toBe(false);
  });
});
