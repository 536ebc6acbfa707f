import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/shared/observation';
import type { Protocol } from '../../src/shared/protocol';
import { seenTrend } from '../../src/shared/trends';
import { observation } from '../support/factories';

const base = (version: number, lookFors: Array<[string, string]>): Protocol => ({
  id: 'school-walk',
  version,
  status: 'published',
  name: 'School walk',
  purpose: '',
  kind: 'blast_walkthrough',
  publishedAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  sections: [
    {
      id: 'main',
      title: 'Students doing',
      focus: 'students',
      lookFors: lookFors.map(([id, text]) => ({ id, text, tags: [], response: { kind: 'seen' } })),
    },
  ],
});

const v1 = base(1, [
  ['peer-talk', 'Students talk to a peer'],
  ['target-posted', 'Target is posted'],
]);
// v2 rewords peer-talk, drops target-posted and adds student-choice.
const v2 = base(2, [
  ['peer-talk', 'Students explain their thinking to a peer'],
  ['student-choice', 'Students make a choice'],
]);
const versions = new Map([
  [1, v1],
  [2, v2],
]);
const find = (id: string, version: number) =>
  id === 'school-walk' ? versions.get(version) : undefined;

const visit = (
  version: number,
  responses: Observation['responses'],
  overrides: Partial<Observation> = {},
) =>
  observation({
    protocolId: 'school-walk',
    protocolVersion: version,
    status: 'complete',
    endedAt: '2026-11-23T09:05:00.000Z',
    responses,
    ...overrides,
  });

describe('trends across protocol versions', () => {
  const observations = [
    visit(1, { 'peer-talk': 'seen', 'target-posted': 'seen' }),
    visit(1, { 'peer-talk': 'not_seen', 'target-posted': 'na' }),
    visit(2, { 'peer-talk': 'seen', 'student-choice': 'not_seen' }),
    visit(2, { 'peer-talk': 'seen' }),
  ];
  const rows = new Map(seenTrend('school-walk', observations, find).map((r) => [r.lookForId, r]));

  it('keeps one line for a reworded look-for, with the newest wording', () => {
    expect(rows.get('peer-talk')).toEqual({
      lookForId: 'peer-talk',
      text: 'Students explain their thinking to a peer',
      versions: [1, 2],
      seen: 3,
      observed: 4,
      share: 0.75,
    });
  });

  it('keeps the history of a look-for the newer version removed', () => {
    expect(rows.get('target-posted')).toMatchObject({
      versions: [1],
      seen: 1,
      observed: 1,
      share: 1,
    });
  });

  it('starts a look-for added in the newer version from its first use', () => {
    expect(rows.get('student-choice')).toMatchObject({
      versions: [2],
      seen: 0,
      observed: 1,
      share: 0,
    });
  });

  it('leaves out drafts, other protocols and unknown versions', () => {
    const others = [
      visit(1, { 'peer-talk': 'seen' }, { status: 'draft', endedAt: null }),
      visit(1, { 'peer-talk': 'seen' }, { protocolId: 'another' }),
      visit(9, { 'peer-talk': 'seen' }),
    ];
    expect(seenTrend('school-walk', others, find)).toEqual([]);
  });

  it('has no share when nothing was answered seen or not seen', () => {
    const [row] = seenTrend('school-walk', [visit(2, { 'peer-talk': 'na' })], find);
    expect(row).toMatchObject({ lookForId: 'peer-talk', observed: 0, share: null });
  });
});
