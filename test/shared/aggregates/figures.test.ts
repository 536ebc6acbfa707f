import { describe, expect, it } from 'vitest';
import { catalogue, groupsOf } from '../../../src/shared/aggregates/catalogue';
import { emptyCounts, type LookForCounts } from '../../../src/shared/aggregates/counts';
import { groupRow } from '../../../src/shared/aggregates/groups';
import { scaleFigure } from '../../../src/shared/aggregates/scale';
import { lookForTable } from '../../../src/shared/aggregates/table';
import { quoteFigure, tallyFigure } from '../../../src/shared/aggregates/tally';
import { Release } from '../../../src/shared/aggregates/release';
import { cubeOf, numbersIn, walkV1, walkV2 } from './fixtures';

const counts = (lookForId: string, over: Partial<LookForCounts>): LookForCounts => ({
  ...emptyCounts(lookForId),
  ...over,
});

describe('scale distributions', () => {
  it('counts by level id under the current labels when levels were renamed', () => {
    const entry = catalogue([walkV1, walkV2]).find((e) => e.lookForId === 'engagement')!;
    const figure = scaleFigure({ low: 2, mid: 1, high: 5 }, entry.levels);
    expect(figure.classrooms).toBe(8);
    expect(figure.levels).toEqual([
      { levelId: 'low', label: 'A few students', count: 2, percent: 25 },
      { levelId: 'high', label: 'Nearly all students', count: 5, percent: 62.5 },
      // Dropped in v2: keeps its v1 label after the current levels.
      { levelId: 'mid', label: 'Some', count: 1, percent: 12.5 },
    ]);
  });

  it('shows a level nobody chose as zero', () => {
    const figure = scaleFigure({ high: 5 }, [
      { id: 'low', label: 'Few' },
      { id: 'high', label: 'Most' },
    ]);
    expect(figure.levels.map((l) => l.count)).toEqual([0, 5]);
  });

  it('keeps an answer whose level no version names, under its id', () => {
    const figure = scaleFigure({ gone: 1, low: 4 }, [{ id: 'low', label: 'Few' }]);
    expect(figure.levels.at(-1)).toMatchObject({ levelId: 'gone', label: 'gone', count: 1 });
  });
});

describe('tallies and quotes', () => {
  it('gives the mean and the spread from count, sum and sum of squares', () => {
    // Counts 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population SD 2.
    expect(tallyFigure(8, 40, 232)).toEqual({ kind: 'tally', classrooms: 8, mean: 5, spread: 2 });
  });

  it('has no mean for no answers', () => {
    expect(tallyFigure(0, 0, 0)).toEqual({
      kind: 'tally',
      classrooms: 0,
      mean: null,
      spread: null,
    });
  });

  it('never reports a minimum or a maximum (one room each)', () => {
    expect(Object.keys(tallyFigure(5, 10, 30))).not.toContain('max');
  });

  it('counts quotes', () => {
    expect(quoteFigure(6, 4)).toEqual({ kind: 'quote', classrooms: 6, quotes: 4 });
  });
});

describe('the per look-for table', () => {
  const entries = catalogue([walkV1, walkV2]);

  it('lists look-fors by stable id in the newest order, with the newest wording', () => {
    expect(entries.map((e) => e.lookForId)).toEqual([
      'target-posted',
      'peer-talk',
      'student-choice',
      'engagement',
      'questions',
      'voice',
    ]);
    expect(entries[1]).toMatchObject({
      text: 'Students explain their thinking to a peer',
      versions: [1, 2],
    });
    expect(entries[2]?.versions).toEqual([2]);
  });

  it('keeps a look-for a later version dropped, after the current ones', () => {
    const dropped = catalogue([walkV2, { ...walkV2, version: 3, sections: [walkV2.sections[0]!] }]);
    expect(dropped.map((e) => e.lookForId).slice(0, 2)).toEqual(['target-posted', 'peer-talk']);
    expect(dropped[1]?.versions).toEqual([2]);
  });

  it('builds each kind of figure and suppresses small rows whole', () => {
    const release = new Release(
      cubeOf([
        {
          counts: [
            counts('target-posted', { classrooms: 10, seen: 7, notSeen: 3 }),
            counts('peer-talk', { classrooms: 4, seen: 4 }),
            counts('engagement', { classrooms: 5, levels: { low: 1, high: 4 } }),
            counts('questions', {
              classrooms: 5,
              tallyCount: 5,
              tallySum: 10,
              tallySumOfSquares: 25,
            }),
            counts('voice', { classrooms: 6, quotes: 6 }),
          ],
        },
      ]),
      5,
    );
    const rows = lookForTable(entries, (entry) => release.lookFor(entry, () => true));
    const figure = (id: string) => rows.find((r) => r.lookForId === id)!.figure;
    expect(figure('target-posted')).toMatchObject({
      suppressed: false,
      classrooms: 10,
      share: { percentSeen: 70 },
    });
    expect(figure('peer-talk')).toEqual({ suppressed: true, reason: 'fewer than 5 classrooms' });
    expect(figure('student-choice')).toEqual({
      suppressed: true,
      reason: 'fewer than 5 classrooms',
    });
    expect(figure('engagement')).toMatchObject({ suppressed: false, kind: 'scale', classrooms: 5 });
    expect(figure('questions')).toMatchObject({ kind: 'tally', mean: 2, spread: 1 });
    expect(figure('voice')).toMatchObject({ kind: 'quote', quotes: 6 });
    expect(numbersIn(figure('peer-talk'))).toEqual([]);
  });
});

describe('sections and tags', () => {
  const groups = groupsOf(catalogue([walkV1, walkV2]));

  it('groups seen look-fors by section, then by tag in alphabetical order', () => {
    expect(groups.map((g) => `${g.kind}:${g.label}:${g.lookForIds.join('+')}`)).toEqual([
      'section:Environment:target-posted',
      'section:Students doing:peer-talk+student-choice',
      'tag:Collaborative:peer-talk',
      'tag:Empowered:target-posted+student-choice',
      'tag:Self-Actualized:student-choice',
    ]);
  });

  it('pools the answers and counts each classroom once', () => {
    const row = groupRow(groups[1]!, { classrooms: 6, seen: 5, notSeen: 5, na: 2 }, 5);
    expect(row.figure).toMatchObject({
      suppressed: false,
      classrooms: 6,
      share: { percentSeen: 50 },
    });
  });

  it('suppresses a group resting on fewer classrooms than the threshold', () => {
    const row = groupRow(groups[0]!, { classrooms: 4, seen: 4, notSeen: 0, na: 0 }, 5);
    expect(row.figure).toEqual({ suppressed: true, reason: 'fewer than 5 classrooms' });
  });
});
