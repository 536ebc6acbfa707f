import { describe, expect, it } from 'vitest';
import {
  agreementOf,
  cohensKappa,
  fleissKappaFromCounts,
} from '../../../src/shared/evidence/agreement';

const repeat = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

describe('cohensKappa', () => {
  it('matches the textbook example: 50 rooms, 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no', () => {
    // Observed agreement 0.7, chance 0.5, kappa 0.4 (the worked example in Cohen's
    // kappa's standard references, e.g. Wikipedia "Cohen's kappa", Example).
    const pairs = [
      ...repeat(20, ['yes', 'yes'] as const),
      ...repeat(5, ['yes', 'no'] as const),
      ...repeat(10, ['no', 'yes'] as const),
      ...repeat(15, ['no', 'no'] as const),
    ];
    expect(cohensKappa(pairs)).toBeCloseTo(0.4, 10);
  });

  it('matches the second textbook example with unequal margins (kappa 0.1304)', () => {
    // 45 yes-yes, 15 yes-no, 25 no-yes, 15 no-no: po = 0.60, pe = 0.54.
    const pairs = [
      ...repeat(45, ['yes', 'yes'] as const),
      ...repeat(15, ['yes', 'no'] as const),
      ...repeat(25, ['no', 'yes'] as const),
      ...repeat(15, ['no', 'no'] as const),
    ];
    expect(cohensKappa(pairs)).toBeCloseTo(0.1304, 4);
  });

  it('is 1 for perfect agreement, 0 at chance and negative below it', () => {
    expect(
      cohensKappa([
        ['a', 'a'],
        ['b', 'b'],
        ['c', 'c'],
      ]),
    ).toBe(1);
    expect(
      cohensKappa([
        ['a', 'a'],
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'b'],
      ]),
    ).toBeCloseTo(0, 12);
    expect(
      cohensKappa([
        ['a', 'b'],
        ['b', 'a'],
      ]),
    ).toBe(-1);
  });

  it('is undefined when every answer falls in one category, and for no rooms', () => {
    expect(
      cohensKappa([
        ['seen', 'seen'],
        ['seen', 'seen'],
      ]),
    ).toBeNull();
    expect(cohensKappa([])).toBeNull();
  });
});

describe('fleissKappaFromCounts', () => {
  it('matches Fleiss’ worked example: 10 subjects, 14 raters, 5 categories, kappa 0.210', () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappaFromCounts(counts)).toBeCloseTo(0.21, 3);
  });

  it('refuses rooms with different numbers of observers or impossible counts', () => {
    expect(() =>
      fleissKappaFromCounts([
        [1, 2],
        [1, 1],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fleissKappaFromCounts([
        [1, -1],
        [0, 0],
      ]),
    ).toThrow(RangeError);
    expect(() => fleissKappaFromCounts([[1, 2], [3]])).toThrow(RangeError);
  });

  it('is undefined with one observer, no rooms, or one category used', () => {
    expect(
      fleissKappaFromCounts([
        [1, 0],
        [0, 1],
      ]),
    ).toBeNull();
    expect(fleissKappaFromCounts([])).toBeNull();
    expect(
      fleissKappaFromCounts([
        [3, 0],
        [3, 0],
      ]),
    ).toBeNull();
  });
});

describe('agreementOf', () => {
  it('uses Cohen’s kappa for two observers and reports percent agreement', () => {
    const rooms = [
      ['seen', 'seen'],
      ['seen', 'not-seen'],
      ['not-seen', 'not-seen'],
      ['seen', 'seen'],
    ];
    const a = agreementOf(rooms);
    expect(a).toMatchObject({ rooms: 4, observers: 2, percent: 0.75, method: 'cohen' });
    expect(a?.kappa).toBeCloseTo(cohensKappa(rooms.map((r) => [r[0]!, r[1]!] as const))!, 12);
    expect(a?.kappa).toBeCloseTo(0.5, 12);
  });

  it('uses Fleiss’ kappa for three observers, equal to the counts form', () => {
    const rooms = [
      ['a', 'a', 'a'],
      ['a', 'a', 'b'],
      ['b', 'b', 'b'],
      ['a', 'b', 'b'],
    ];
    const a = agreementOf(rooms);
    expect(a).toMatchObject({ rooms: 4, observers: 3, method: 'fleiss' });
    // Each room: pairs agreeing of 3 pairs: 1, 1/3, 1, 1/3.
    expect(a?.percent).toBeCloseTo(2 / 3, 12);
    expect(a?.kappa).toBeCloseTo(
      fleissKappaFromCounts([
        [3, 0],
        [2, 1],
        [0, 3],
        [1, 2],
      ])!,
      12,
    );
  });

  it('leaves out rooms only one observer answered, and refuses mixed numbers', () => {
    expect(agreementOf([['a'], ['a', 'a'], ['b', 'b']])).toMatchObject({ rooms: 2, percent: 1 });
    expect(
      agreementOf([
        ['a', 'a'],
        ['a', 'a', 'b'],
      ]),
    ).toBeNull();
    expect(agreementOf([])).toBeNull();
  });

  it('gives percent agreement without kappa when all answers are the same', () => {
    expect(
      agreementOf([
        ['seen', 'seen'],
        ['seen', 'seen'],
      ]),
    ).toMatchObject({
      percent: 1,
      kappa: null,
    });
  });
});
