import { cellKey, periodKey, type CellPlace } from '../../../src/shared/aggregates/blocks';
import { emptyCounts, type LookForCounts } from '../../../src/shared/aggregates/counts';
import { emptyCube, type Cube } from '../../../src/shared/aggregates/release';
import type { LookFor, Protocol } from '../../../src/shared/protocol';

const seen = (id: string, text: string, tags: string[] = []): LookFor => ({
  id,
  text,
  tags,
  response: { kind: 'seen' },
});

/** Version 1: two seen look-fors, a scale, a tally and a quote. */
export const walkV1: Protocol = {
  id: 'school-walk',
  version: 1,
  status: 'published',
  name: 'School walk',
  purpose: '',
  kind: 'blast_walkthrough',
  publishedAt: '2026-09-01T00:00:00.000Z',
  updatedAt: '2026-09-01T00:00:00.000Z',
  sections: [
    {
      id: 'env',
      title: 'Environment',
      focus: 'general',
      lookFors: [seen('target-posted', 'Target is posted', ['Empowered'])],
    },
    {
      id: 'students',
      title: 'Students doing',
      focus: 'students',
      lookFors: [
        seen('peer-talk', 'Students talk to a peer', ['Collaborative']),
        {
          id: 'engagement',
          text: 'How engaged students are',
          tags: [],
          response: {
            kind: 'scale',
            levels: [
              { id: 'low', label: 'Few' },
              { id: 'mid', label: 'Some' },
              { id: 'high', label: 'Most' },
            ],
          },
        },
        { id: 'questions', text: 'Student questions', tags: [], response: { kind: 'tally' } },
        { id: 'voice', text: 'What a student says', tags: [], response: { kind: 'quote' } },
      ],
    },
  ],
};

/**
 * Version 2 rewords peer-talk, renames the scale's levels (same ids), drops the
 * "mid" level, and adds student-choice.
 */
export const walkV2: Protocol = {
  ...walkV1,
  version: 2,
  sections: [
    walkV1.sections[0]!,
    {
      ...walkV1.sections[1]!,
      lookFors: [
        seen('peer-talk', 'Students explain their thinking to a peer', ['Collaborative']),
        seen('student-choice', 'Students make a choice', ['Empowered', 'Self-Actualized']),
        {
          id: 'engagement',
          text: 'How engaged students are',
          tags: [],
          response: {
            kind: 'scale',
            levels: [
              { id: 'low', label: 'A few students' },
              { id: 'high', label: 'Nearly all students' },
            ],
          },
        },
        { id: 'questions', text: 'Student questions', tags: [], response: { kind: 'tally' } },
        { id: 'voice', text: 'What a student says', tags: [], response: { kind: 'quote' } },
      ],
    },
  ],
};

/** Every number anywhere inside a value, however deeply nested. */
export function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

/** A cell of a test cube: where it sits (defaults: one school, one round) and its counts. */
export interface TestCell {
  school?: string;
  period?: string;
  periodStart?: string;
  band?: string;
  subject?: string;
  visits?: number;
  counts?: LookForCounts[];
}

/** A cube made by hand, for the release's rules without a database. */
export function cubeOf(cells: readonly TestCell[]): Cube {
  const cube = emptyCube();
  for (const cell of cells) {
    const place: CellPlace = {
      school: cell.school ?? 'school-1',
      period: cell.period ?? 'r:round-1',
      periodStart: cell.periodStart ?? '2026-10-01',
      band: cell.band ?? 'K-2',
      subject: cell.subject ?? 'Math',
    };
    const key = cellKey(place);
    cube.places.set(key, place);
    const classrooms = Math.max(0, ...(cell.counts ?? []).map((c) => c.classrooms));
    const visits = cell.visits ?? classrooms;
    cube.visits.set(key, visits);
    const period = cube.periods.get(periodKey(place)) ?? { ...place, weight: 0 };
    cube.periods.set(periodKey(place), { ...period, weight: period.weight + visits });
    for (const c of cell.counts ?? []) {
      const perCell = cube.lookFors.get(c.lookForId) ?? new Map<string, LookForCounts>();
      perCell.set(key, c);
      cube.lookFors.set(c.lookForId, perCell);
    }
  }
  return cube;
}

/** A look-for's counts in one cell, zero where not given. */
export const countsOf = (lookForId: string, over: Partial<LookForCounts>): LookForCounts => ({
  ...emptyCounts(lookForId),
  ...over,
});
