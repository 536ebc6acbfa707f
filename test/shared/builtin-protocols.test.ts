import { describe, expect, it } from 'vitest';
import {
  blastEmpoweredLearning,
  builtinProtocols,
  findBuiltinProtocol,
  profileOfTheGraduate,
  strategicAreas,
  suggestedTags,
} from '../../src/shared/builtin-protocols';
import { Protocol, Tag, allLookFors } from '../../src/shared/protocol';

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
    const count = allLookFors(blastEmpoweredLearning).length;
    expect(count).toBe(8);
    expect(count).toBeGreaterThanOrEqual(6);
    expect(count).toBeLessThanOrEqual(10);
  });

  it('gives every look-for a unique id', () => {
    const ids = allLookFors(blastEmpoweredLearning).map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the look-for ids that stored responses refer to', () => {
    expect(allLookFors(blastEmpoweredLearning).map((l) => l.id)).toStrictEqual([
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

  it('asks only seen / not seen / N/A questions, as the first release did', () => {
    const kinds = allLookFors(blastEmpoweredLearning).map((l) => l.response.kind);
    expect(new Set(kinds)).toStrictEqual(new Set(['seen']));
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

describe('findBuiltinProtocol', () => {
  it('finds a protocol by id and version', () => {
    expect(findBuiltinProtocol('blast-empowered-learning', 1)).toBe(blastEmpoweredLearning);
  });

  it('finds every starter protocol by its own id and version', () => {
    for (const p of builtinProtocols) {
      expect(findBuiltinProtocol(p.id, p.version), p.id).toBe(p);
    }
  });

  it('finds nothing for a version that does not exist', () => {
    expect(findBuiltinProtocol('blast-empowered-learning', 2)).toBeUndefined();
  });

  it('finds nothing for an unknown id', () => {
    expect(findBuiltinProtocol('no-such-protocol', 1)).toBeUndefined();
  });

  it('finds nothing for the sync key in place of the id', () => {
    expect(findBuiltinProtocol('blast-empowered-learning.v1', 1)).toBeUndefined();
  });
});

describe('suggestedTags', () => {
  it('offers the Profile of the Graduate and then the strategic areas', () => {
    expect(suggestedTags).toStrictEqual([...profileOfTheGraduate, ...strategicAreas]);
    expect(suggestedTags).toContain('Collaborative');
    expect(suggestedTags).toContain('Social-Emotional Learning');
  });

  it('never repeats a tag', () => {
    expect(new Set(suggestedTags).size).toBe(suggestedTags.length);
  });

  it('holds only tags a look-for may carry', () => {
    for (const tag of suggestedTags) expect(Tag.safeParse(tag).success, tag).toBe(true);
  });
});
