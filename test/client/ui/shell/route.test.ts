import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from '../../../../src/client/ui/shell/route';

const round = '7cc15462-6d6a-4673-ae1e-c75f173b9866';

describe('routes', () => {
  it.each<[string, Route]>([
    ['#/', { name: 'list' }],
    ['#/results', { name: 'results' }],
    [`#/results/${round}`, { name: 'results', roundId: round }],
    ['#/rounds', { name: 'rounds' }],
    [`#/rounds/${round}`, { name: 'round', id: round }],
    [`#/rounds/${round}/plan`, { name: 'round-plan', id: round }],
    [`#/rounds/${round}/calibration`, { name: 'round-calibration', id: round }],
    ['#/calibration', { name: 'pairs' }],
    [`#/calibration/${round}`, { name: 'pairs', partnerId: round }],
    ['#/visits/coverage', { name: 'visits', path: '/coverage' }],
    ['#/forgot', { name: 'forgot' }],
    [`#/reset/${'r'.repeat(43)}`, { name: 'reset', token: 'r'.repeat(43) }],
  ])('reads %s and writes it back the same', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(hrefFor(route)).toBe(hash === '#/' ? hrefFor({ name: 'list' }) : hash);
  });

  it('opens the list for a results link that names no round id', () => {
    expect(parseRoute('#/results/not-a-round')).toEqual({ name: 'list' });
  });
});
