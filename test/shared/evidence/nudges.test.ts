import { describe, expect, it } from 'vitest';
import {
  findNudges,
  NudgeList,
  STARTER_NUDGES,
  type NudgeList as List,
} from '../../../src/shared/evidence/nudges';

const words = (text: string, list?: List) => findNudges(text, list).map((n) => n.text);

describe('findNudges', () => {
  it('marks judging words and names where they are', () => {
    const text = 'Great lesson. Students were lazy.';
    const found = findNudges(text);
    expect(found.map((n) => [n.start, n.end, n.text])).toStrictEqual([
      [0, 12, 'Great lesson'],
      [28, 32, 'lazy'],
    ]);
    expect(found[0]?.suggestion).toContain('What did you see or hear?');
  });

  it('matches whole words only', () => {
    expect(words('The greatest common factor; a badge; poorly lit; engagedness')).toStrictEqual([]);
    expect(words('great-grandmother')).toStrictEqual(['great']);
  });

  it('ignores case and any punctuation around the word', () => {
    expect(words('GREAT! (poor) "Amazing," …terrible…')).toStrictEqual([
      'GREAT',
      'poor',
      'Amazing',
      'terrible',
    ]);
  });

  it('matches phrases across any spacing and either apostrophe', () => {
    expect(words('Good\n  job, you should’ve waited; she should have')).toStrictEqual([
      'Good\n  job',
      'should’ve',
      'should have',
    ]);
    expect(words("He should've asked")).toStrictEqual(["should've"]);
  });

  it('keeps "engaged" when it says in what, and marks it when it does not', () => {
    expect(words('Students engaged in partner talk about slope')).toStrictEqual([]);
    expect(words('Students engaged with the manipulatives')).toStrictEqual([]);
    expect(words('Students were engaged.')).toStrictEqual(['engaged']);
    expect(words('Students were engaged, in the end')).toStrictEqual(['engaged']);
    expect(words('Most seemed engaged')).toStrictEqual(['engaged']);
    expect(words('engaged inquiry')).toStrictEqual(['engaged']);
  });

  it('marks the longest phrase once where two start at the same place', () => {
    const list: List = [
      { phrase: 'great', suggestion: 'a' },
      { phrase: 'great lesson', suggestion: 'b' },
    ];
    expect(
      findNudges('A great lesson today', list).map((n) => [n.text, n.suggestion]),
    ).toStrictEqual([['great lesson', 'b']]);
  });

  it('works for letters outside English and treats accents as part of a word', () => {
    const list: List = [{ phrase: 'génial', suggestion: 'x' }];
    expect(words('C’était génial !', list)).toStrictEqual(['génial']);
    expect(words('géniale', list)).toStrictEqual([]);
  });

  it('takes a phrase with regex characters literally', () => {
    const list: List = [{ phrase: 'A+ work', suggestion: 'x' }];
    expect(words('This is A+ work', list)).toStrictEqual(['A+ work']);
    expect(words('This is AA work', list)).toStrictEqual([]);
  });

  it('finds nothing in descriptive notes', () => {
    expect(
      words(
        'T asked "Why does the slope stay the same?" 4 of 6 groups answered with a table. One student said "because it goes up by 3 each time".',
      ),
    ).toStrictEqual([]);
  });
});

describe('NudgeList', () => {
  it('accepts the starter list', () => {
    expect(NudgeList.safeParse(STARTER_NUDGES).success).toBe(true);
  });

  it('refuses a one-letter word, a long phrase and control characters, naming the problem', () => {
    const bad = NudgeList.safeParse([
      { phrase: 'a', suggestion: '' },
      { phrase: 'x'.repeat(41), suggestion: '' },
      { phrase: 'ok\u0007', suggestion: '' },
    ]);
    expect(bad.success).toBe(false);
    const messages = bad.success ? [] : bad.error.issues.map((i) => i.message);
    expect(messages).toContain('A nudge word needs at least 2 characters');
    expect(messages).toContain('A nudge word is at most 40 characters');
    expect(messages.some((m) => m.includes('Nudge word'))).toBe(true);
  });
});
