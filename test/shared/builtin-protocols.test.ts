import { describe, expect, it } from 'vitest';
import {
  blastEmpoweredLearning,
  builtinProtocols,
  findProtocol,
} from '../../src/shared/builtin-protocols';
import { Protocol } from '../../src/shared/protocol';

describe('the built-in Blast Walkthrough', () => {
  it('parses with the Protocol schema without changes', () => {
    const result = Protocol.safeParse(blastEmpoweredLearning);
    expect(result.success).toBe(true);
    expect(result.data).toStrictEqual(blastEmpoweredLearning);
  });

  it('is a blast walkthrough at version 1', () => {
    expect(blastEmpoweredLearning.id).toBe('blast-empowered-learning');
    expect(blastEmpoweredLearning.version).toBe(1);
    expect(blastEmpoweredLearning.kind).toBe('blast_walkthrough');
  });

  it('has between 6 and 10 look-fors, short enough for a quick visit', () => {
    const count = blastEmpoweredLearning.lookFors.length;
    expect(count).toBe(8);
    expect(count).toBeGreaterThanOrEqual(6);
    expect(count).toBeLessThanOrEqual(10);
  });

  it('gives every look-for a unique id', () => {
    const ids = blastEmpoweredLearning.lookFors.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the look-for ids that stored responses refer to', () => {
    expect(blastEmpoweredLearning.lookFors.map((l) => l.id)).toStrictEqual([
      'learning-target-visible',
      'students-explain-target',
      'students-talk-to-peer',
      'students-choose',
      'students-use-feedback',
      'students-ask-questions',
      'students-self-assess',
      'collaborative-task',
    ]);
  });

  it('says it is non-evaluative', () => {
    expect(blastEmpoweredLearning.purpose).toContain('Non-evaluative');
  });
});

describe('builtinProtocols', () => {
  it('all parse with the Protocol schema', () => {
    for (const p of builtinProtocols) {
      expect(Protocol.safeParse(p).success, p.id).toBe(true);
    }
  });

  it('never repeat an id and version pair', () => {
    const keys = builtinProtocols.map((p) => `${p.id}@${p.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('include the Blast Walkthrough', () => {
    expect(builtinProtocols).toContain(blastEmpoweredLearning);
  });
});

describe('findProtocol', () => {
  it('finds a protocol by id and version', () => {
    expect(findProtocol('blast-empowered-learning', 1)).toBe(blastEmpoweredLearning);
  });

  it('finds nothing for a version that does not exist', () => {
    expect(findProtocol('blast-empowered-learning', 2)).toBeUndefined();
  });

  it('finds nothing for an unknown id', () => {
    expect(findProtocol('no-such-protocol', 1)).toBeUndefined();
  });
});
