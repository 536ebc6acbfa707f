import { describe, expect, it } from 'vitest';
import { issuesToFields } from '../../src/shared/errors';
import type { ResponseKind, ResponseType } from '../../src/shared/protocol';
import { ResponseValue, isAnswered, responseProblem } from '../../src/shared/response';

const scale: ResponseType = {
  kind: 'scale',
  levels: [
    { id: 'short', label: 'Under 3 seconds' },
    { id: 'medium', label: '3 to 5 seconds' },
    { id: 'long', label: 'Over 5 seconds' },
  ],
};
const options = [
  { id: 'pairs', label: 'Pairs' },
  { id: 'small-groups', label: 'Small groups' },
  { id: 'whole-class', label: 'Whole class' },
];
const single: ResponseType = { kind: 'choice', multiple: false, options };
const multiple: ResponseType = { kind: 'choice', multiple: true, options };

const types: Record<ResponseKind, ResponseType> = {
  seen: { kind: 'seen' },
  scale,
  tally: { kind: 'tally' },
  choice: single,
  text: { kind: 'text' },
  quote: { kind: 'quote' },
};

/** A value that fits each kind. */
const fitting: Record<ResponseKind, ResponseValue> = {
  seen: 'seen',
  scale: { level: 'medium' },
  tally: { count: 3 },
  choice: { choices: ['pairs'] },
  text: { text: 'Students compare strategies' },
  quote: { quote: 'We are learning fractions so we can share fairly' },
};

/** What each kind says when handed a value of another kind. */
const wrongKind: Record<ResponseKind, string> = {
  seen: 'Expected seen, not seen or N/A',
  scale: 'Expected a level of the scale',
  tally: 'Expected a count',
  choice: 'Expected a choice',
  text: 'Expected text',
  quote: 'Expected a quote',
};

const kinds = Object.keys(types) as ResponseKind[];

describe('ResponseValue', () => {
  it('accepts every shape an observer can record', () => {
    for (const value of [
      'seen',
      'not_seen',
      'na',
      { level: 'medium' },
      { count: 0 },
      { count: 9999 },
      { choices: [] },
      { choices: ['pairs', 'small-groups'] },
      { text: '' },
      { quote: 'q'.repeat(2000) },
    ]) {
      expect(ResponseValue.safeParse(value).success, JSON.stringify(value)).toBe(true);
    }
  });

  it('refuses a word that is not seen, not seen or N/A', () => {
    expect(ResponseValue.safeParse('maybe').success).toBe(false);
    expect(ResponseValue.safeParse('Seen').success).toBe(false);
  });

  it('refuses a count that is negative, fractional or over 9,999', () => {
    for (const count of [-1, 1.5, 10_000, '3']) {
      expect(ResponseValue.safeParse({ count }).success, String(count)).toBe(false);
    }
  });

  it('refuses text or a quote over 2,000 characters with a readable message', () => {
    for (const key of ['text', 'quote']) {
      const result = ResponseValue.safeParse({ [key]: 'x'.repeat(2001) });
      expect(result.success ? [] : issuesToFields(result.error)).toStrictEqual([
        { path: key, message: 'At most 2,000 characters' },
      ]);
    }
  });

  it('refuses more than 20 choices and choice or level ids over 40 characters', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);
    expect(ResponseValue.safeParse({ choices: ids(20) }).success).toBe(true);
    expect(ResponseValue.safeParse({ choices: ids(21) }).success).toBe(false);
    expect(ResponseValue.safeParse({ choices: ['c'.repeat(41)] }).success).toBe(false);
    expect(ResponseValue.safeParse({ level: 'l'.repeat(40) }).success).toBe(true);
    expect(ResponseValue.safeParse({ level: 'l'.repeat(41) }).success).toBe(false);
  });

  it('refuses an object of no known shape, and null', () => {
    for (const value of [{}, { rating: 3 }, { choices: 'pairs' }, null, 3]) {
      expect(ResponseValue.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
  });
});

describe('responseProblem', () => {
  it('refuses the same option chosen twice', () => {
    const multiple = {
      kind: 'choice' as const,
      multiple: true,
      options: [
        { id: 'pairs', label: 'Pairs' },
        { id: 'solo', label: 'Solo' },
      ],
    };
    expect(responseProblem(multiple, { choices: ['pairs', 'pairs'] })).toBe(
      'Each option may be chosen once',
    );
    expect(responseProblem(multiple, { choices: ['pairs', 'solo'] })).toBeNull();
  });

  it.each(kinds)('accepts a value of the right shape for a %s look-for', (kind) => {
    expect(responseProblem(types[kind], fitting[kind])).toBeNull();
  });

  it.each(kinds)('refuses a value of every other shape for a %s look-for', (kind) => {
    for (const other of kinds.filter((k) => k !== kind)) {
      expect(responseProblem(types[kind], fitting[other]), `${other} value`).toBe(wrongKind[kind]);
    }
  });

  it('accepts each of seen, not seen and N/A for a seen look-for', () => {
    for (const value of ['seen', 'not_seen', 'na'] as const) {
      expect(responseProblem(types.seen, value), value).toBeNull();
    }
  });

  it('accepts every level of a scale', () => {
    for (const level of ['short', 'medium', 'long']) {
      expect(responseProblem(scale, { level }), level).toBeNull();
    }
  });

  it('refuses a level that is not one of the scale, including its label', () => {
    for (const level of ['very-long', '', 'Under 3 seconds', 'SHORT']) {
      expect(responseProblem(scale, { level }), level).toBe('Not a level of this scale');
    }
  });

  it('accepts any count for a tally, zero included', () => {
    expect(responseProblem(types.tally, { count: 0 })).toBeNull();
    expect(responseProblem(types.tally, { count: 42 })).toBeNull();
  });

  it('refuses two options for a single choice', () => {
    expect(responseProblem(single, { choices: ['pairs', 'whole-class'] })).toBe(
      'Only one option may be chosen',
    );
  });

  it('accepts several options for a multiple choice', () => {
    expect(responseProblem(multiple, { choices: ['pairs', 'small-groups', 'whole-class'] })).toBe(
      null,
    );
  });

  it('refuses an option the choice does not have, alone or among known ones', () => {
    expect(responseProblem(single, { choices: ['lecture'] })).toBe('Not an option of this choice');
    expect(responseProblem(multiple, { choices: ['pairs', 'lecture'] })).toBe(
      'Not an option of this choice',
    );
    expect(responseProblem(single, { choices: ['Pairs'] })).toBe('Not an option of this choice');
  });

  it('accepts a choice with nothing chosen yet', () => {
    expect(responseProblem(single, { choices: [] })).toBeNull();
    expect(responseProblem(multiple, { choices: [] })).toBeNull();
  });

  it('accepts empty text and an empty quote as the right shape', () => {
    expect(responseProblem(types.text, { text: '' })).toBeNull();
    expect(responseProblem(types.quote, { quote: '' })).toBeNull();
  });
});

describe('isAnswered', () => {
  it('counts a missing value as unanswered', () => {
    expect(isAnswered(undefined)).toBe(false);
  });

  it('counts seen, not seen and N/A as answered', () => {
    for (const value of ['seen', 'not_seen', 'na'] as const) expect(isAnswered(value)).toBe(true);
  });

  it('counts a level and any count, zero included, as answered', () => {
    expect(isAnswered({ level: 'short' })).toBe(true);
    expect(isAnswered({ count: 0 })).toBe(true);
    expect(isAnswered({ count: 7 })).toBe(true);
  });

  it('counts empty or blank text and quotes as unanswered', () => {
    for (const blank of ['', '   ', '\n\t']) {
      expect(isAnswered({ text: blank }), JSON.stringify(blank)).toBe(false);
      expect(isAnswered({ quote: blank }), JSON.stringify(blank)).toBe(false);
    }
    expect(isAnswered({ text: 'Pairs compare' })).toBe(true);
    expect(isAnswered({ quote: ' "Fractions" ' })).toBe(true);
  });

  it('counts a choice with nothing chosen as unanswered', () => {
    expect(isAnswered({ choices: [] })).toBe(false);
    expect(isAnswered({ choices: ['pairs'] })).toBe(true);
  });
});
