import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../../../src/shared/aggregates/catalogue';
import { emptyCounts } from '../../../src/shared/aggregates/counts';
import { csvColumns } from '../../../src/shared/aggregates/csv';
import { answerFact } from '../../../src/shared/aggregates/facts';
import { figureOf } from '../../../src/shared/aggregates/table';
import {
  Protocol,
  ProtocolDraft,
  responseKindLabels,
  type ResponseKind,
  type ResponseType,
} from '../../../src/shared/protocol';
import { isAnswered, ResponseValue, responseProblem } from '../../../src/shared/response';
import {
  responseKindResults,
  responseKindRules,
  responseKinds,
  resultsOfKind,
  rulesOf,
} from '../../../src/shared/response-kinds/registry';
import { draftProtocol, lookFor, protocol, section } from '../../support/factories';

const levels = [
  { id: 'low', label: 'Low' },
  { id: 'high', label: 'High' },
];
const types: Record<ResponseKind, ResponseType> = {
  seen: { kind: 'seen' },
  scale: { kind: 'scale', levels },
  tally: { kind: 'tally' },
  choice: { kind: 'choice', multiple: true, options: levels },
  text: { kind: 'text' },
  quote: { kind: 'quote' },
};
const fitting: Record<ResponseKind, ResponseValue> = {
  seen: 'not_seen',
  scale: { level: 'high' },
  tally: { count: 0 },
  choice: { choices: ['low', 'high'] },
  text: { text: 'Groups of four' },
  quote: { quote: 'I can explain why' },
};

const entryOf = (kind: ResponseKind): CatalogueEntry => ({
  lookForId: `lf-${kind}`,
  text: kind,
  kind,
  sectionId: 's',
  sectionTitle: 'S',
  tags: [],
  levels,
  versions: [1],
});

describe('the response kind registry', () => {
  it('lists six kinds, each with its own module of rules and a label', () => {
    expect(responseKinds).toEqual(['seen', 'scale', 'tally', 'choice', 'text', 'quote']);
    for (const kind of responseKinds) {
      expect(responseKindRules[kind]).toBeDefined();
      expect(responseKindResults[kind]).toBeDefined();
      expect(responseKindLabels[kind]).toBe(responseKindRules[kind].label);
      expect(responseKindLabels[kind].length).toBeGreaterThan(0);
    }
  });

  it.each(responseKinds)(
    '%s: its schema takes its own answer, and its rules own it alone',
    (kind) => {
      const value = ResponseValue.parse(fitting[kind]);
      expect(responseProblem(types[kind], value)).toBeNull();
      expect(rulesOf(types[kind]).owns(value)).toBe(true);
      for (const other of responseKinds.filter((k) => k !== kind)) {
        expect(responseKindRules[other].owns(value)).toBe(false);
        expect(responseProblem(types[other], value)).not.toBeNull();
      }
    },
  );

  it.each(responseKinds)('%s: an answer counts as a fact of its own kind only', (kind) => {
    expect(isAnswered(fitting[kind])).toBe(true);
    expect(answerFact(kind, fitting[kind])).not.toBeNull();
    for (const other of responseKinds.filter((k) => k !== kind)) {
      expect(answerFact(other, fitting[kind])).toBeNull();
    }
  });

  it.each(responseKinds)(
    '%s: has a dashboard figure and fills only results CSV columns',
    (kind) => {
      const counts = { ...emptyCounts(`lf-${kind}`), classrooms: 6, seen: 4, notSeen: 2 };
      const figure = figureOf(entryOf(kind), counts, 5);
      expect(figure.classrooms).toBeGreaterThanOrEqual(0);
      const cells = resultsOfKind(kind).csvCells(figure, 'suppressed');
      for (const column of Object.keys(cells)) expect(csvColumns).toContain(column);
    },
  );

  it('checks each kind in protocols of both strengths: a draft scale may have one level', () => {
    const oneLevel = lookFor({ response: { kind: 'scale', levels: [levels[0]!] } });
    const withScale = { sections: [section({ lookFors: [oneLevel] })] };
    expect(ProtocolDraft.safeParse(draftProtocol(withScale)).success).toBe(true);
    expect(Protocol.safeParse(protocol(withScale)).success).toBe(false);
    for (const kind of responseKinds) {
      const one = { sections: [section({ lookFors: [lookFor({ response: types[kind] })] })] };
      expect(Protocol.safeParse(protocol(one)).success).toBe(true);
    }
  });

  it('counts an empty text, an empty quote and no choice as unanswered', () => {
    expect(isAnswered({ text: '  ' })).toBe(false);
    expect(isAnswered({ quote: '' })).toBe(false);
    expect(isAnswered({ choices: [] })).toBe(false);
    expect(isAnswered({ count: 0 })).toBe(true);
    expect(isAnswered(undefined)).toBe(false);
  });
});
