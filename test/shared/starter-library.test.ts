import { describe, expect, it } from 'vitest';
import { builtinProtocols, suggestedTags } from '../../src/shared/builtin-protocols';
import { allLookFors, Protocol } from '../../src/shared/protocol';
import { publishProblems } from '../../src/shared/protocol-rules';
import { findNudges, STARTER_NUDGES } from '../../src/shared/evidence/nudges';

/** The starter protocols' judgement words are the nudge list: one list (issue #15). */
const judges = (text: string) => findNudges(text, STARTER_NUDGES).length > 0;
const markup = /<[a-z]/i;

const expected = [
  ['blast-empowered-learning', 'blast_walkthrough'],
  ['equitable-learning', 'blast_walkthrough'],
  ['social-emotional-learning', 'blast_walkthrough'],
  ['peer-observation-lab-classroom', 'peer_observation'],
  ['instructional-rounds', 'instructional_rounds'],
] as const;

const byId = (id: string) => {
  const found = builtinProtocols.find((p) => p.id === id);
  if (!found) throw new Error(`no built-in protocol ${id}`);
  return found;
};

describe('the starter library', () => {
  it('holds the five expected protocols, blast first', () => {
    expect(builtinProtocols.map((p) => [p.id, p.kind])).toStrictEqual(expected);
  });

  it('never repeats a protocol id', () => {
    const ids = builtinProtocols.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('catches judgement words as whole words only', () => {
    expect(judges('An Effective routine')).toBe(true);
    expect(judges('high-quality text')).toBe(true);
    expect(judges('A great lesson; students seemed lazy')).toBe(true);
    expect(judges('goodbye, strongly, engagement')).toBe(false);
    expect(judges('Students engaged in partner talk')).toBe(false);
  });

  describe.each(builtinProtocols.map((p) => [p.id, p] as const))('%s', (_id, p) => {
    it('parses with the Protocol schema unchanged', () => {
      expect(Protocol.parse(p)).toStrictEqual(p);
    });

    it('is published version 1', () => {
      expect(p.version).toBe(1);
      expect(p.status).toBe('published');
      expect(p.publishedAt).toBe('2026-11-23T00:00:00.000Z');
      expect(p.updatedAt).toBe('2026-11-23T00:00:00.000Z');
    });

    it('has nothing that keeps it from being published', () => {
      expect(publishProblems(p)).toStrictEqual([]);
    });

    it('says it is non-evaluative', () => {
      expect(p.purpose).toMatch(/non-evaluative/i);
    });

    it('uses unique ids for sections and look-fors', () => {
      const sectionIds = p.sections.map((s) => s.id);
      const lookForIds = allLookFors(p).map((l) => l.id);
      expect(new Set(sectionIds).size).toBe(sectionIds.length);
      expect(new Set(lookForIds).size).toBe(lookForIds.length);
    });

    it('uses no judgement words in look-for text, hints or labels', () => {
      for (const l of allLookFors(p)) {
        const labels =
          l.response.kind === 'scale'
            ? l.response.levels.map((v) => v.label)
            : l.response.kind === 'choice'
              ? l.response.options.map((v) => v.label)
              : [];
        for (const s of [l.text, l.hint ?? '', ...labels]) {
          expect(judges(s), `${l.id}: ${s}`).toBe(false);
        }
      }
    });

    it('contains no markup in any text', () => {
      const texts = [
        p.name,
        p.purpose,
        ...p.sections.map((s) => s.title),
        ...allLookFors(p).flatMap((l) => [l.text, l.hint ?? '']),
      ];
      for (const s of texts) expect(s).not.toMatch(markup);
    });

    it('tags look-fors only with the suggested tags', () => {
      for (const l of allLookFors(p)) {
        for (const tag of l.tags) expect(suggestedTags, `${l.id}: ${tag}`).toContain(tag);
      }
    });

    it('gives most look-fors a hint', () => {
      const lookFors = allLookFors(p);
      const hinted = lookFors.filter((l) => (l.hint ?? '').length > 0).length;
      expect(hinted * 2).toBeGreaterThan(lookFors.length);
    });
  });

  describe.each(
    builtinProtocols.filter((p) => p.kind === 'blast_walkthrough').map((p) => [p.id, p] as const),
  )('the Blast Walkthrough %s', (_id, p) => {
    it('is quick: 6 to 10 look-fors, mostly seen / not seen', () => {
      const lookFors = allLookFors(p);
      expect(lookFors.length).toBeGreaterThanOrEqual(6);
      expect(lookFors.length).toBeLessThanOrEqual(10);
      const seen = lookFors.filter((l) => l.response.kind === 'seen').length;
      expect(seen * 2).toBeGreaterThan(lookFors.length);
    });
  });

  describe('the lab-classroom peer observation', () => {
    const p = byId('peer-observation-lab-classroom');

    it('has teacher-doing and students-doing sections of text noticings', () => {
      for (const focus of ['teacher', 'students'] as const) {
        const sections = p.sections.filter((s) => s.focus === focus);
        expect(sections.length, focus).toBeGreaterThan(0);
        expect(sections.flatMap((s) => s.lookFors).some((l) => l.response.kind === 'text')).toBe(
          true,
        );
      }
    });

    it('asks for the host focus question, a glow and a wonder as text', () => {
      const lookFors = allLookFors(p);
      for (const id of ['host-focus-question', 'glow', 'wonder']) {
        expect(lookFors.find((l) => l.id === id)?.response.kind, id).toBe('text');
      }
    });

    it('has a student-voice quote look-for', () => {
      const quotes = allLookFors(p).filter((l) => l.response.kind === 'quote');
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.some((l) => l.text.includes('What are you learning and why?'))).toBe(true);
    });
  });

  describe('instructional rounds', () => {
    const p = byId('instructional-rounds');

    it('starts from a problem of practice', () => {
      expect(p.sections[0]?.lookFors[0]?.response.kind).toBe('text');
      expect(p.sections[0]?.lookFors[0]?.text).toMatch(/problem of practice/i);
    });

    it('gathers evidence as text, a tally and a named scale in teacher and students sections', () => {
      expect(p.sections.some((s) => s.focus === 'teacher')).toBe(true);
      expect(p.sections.some((s) => s.focus === 'students')).toBe(true);
      const kinds = new Set(allLookFors(p).map((l) => l.response.kind));
      for (const kind of ['text', 'tally', 'scale'] as const)
        expect(kinds.has(kind), kind).toBe(true);
      const level = allLookFors(p).find((l) => l.id === 'task-level')?.response;
      expect(level?.kind === 'scale' ? level.levels.map((v) => v.label) : []).toStrictEqual([
        'Recall',
        'Apply',
        'Analyse',
        'Create',
      ]);
    });
  });
});
