import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/shared/aggregates/catalogue';
import { emptyCounts } from '../../../src/shared/aggregates/counts';
import { aggregateCsv, csvColumns } from '../../../src/shared/aggregates/csv';
import { heatMap } from '../../../src/shared/aggregates/heat-map';
import type { SeenCounts } from '../../../src/shared/aggregates/seen';
import { lookForTable } from '../../../src/shared/aggregates/table';
import { trendLines } from '../../../src/shared/aggregates/trend';
import { Release } from '../../../src/shared/aggregates/release';
import { countsOf, cubeOf, numbersIn, walkV1, walkV2 } from './fixtures';

const entries = catalogue([walkV1, walkV2]);
const sc = (seen: number, notSeen: number, na = 0): SeenCounts => ({ seen, notSeen, na });
const protecting = {
  suppressed: true,
  reason: 'hidden so that a smaller group cannot be worked out',
};
const seenCounts = (id: string, c: SeenCounts) =>
  countsOf(id, { ...c, classrooms: c.seen + c.notSeen + c.na });

/** Trend cells from seen counts per round id, then look-for id, through a release. */
function trendOf(o: Record<string, Record<string, SeenCounts>>, starts: Record<string, string>) {
  const cube = cubeOf(
    Object.entries(o).map(([roundId, byLookFor]) => ({
      period: `r:${roundId}`,
      periodStart: starts[roundId],
      counts: Object.entries(byLookFor).map(([id, c]) => seenCounts(id, c)),
    })),
  );
  const release = new Release(cube, 5);
  return (lookForId: string, roundId: string) =>
    release.seen(lookForId, (p) => p.period === `r:${roundId}`);
}

describe('trend across rounds', () => {
  const rounds = [
    { roundId: 'r2', name: 'Winter', startsOn: '2026-01-10', protocolVersion: 2 },
    { roundId: 'r1', name: 'Fall', startsOn: '2025-10-01', protocolVersion: 1 },
  ];
  const starts = { r1: '2025-10-01', r2: '2026-01-10' };
  const lines = trendLines(
    entries,
    rounds,
    trendOf(
      {
        r1: { 'peer-talk': sc(2, 8), 'target-posted': sc(3, 1) },
        r2: { 'peer-talk': sc(6, 4), 'student-choice': sc(5, 5), 'target-posted': sc(5, 5) },
      },
      starts,
    ),
  );
  const line = (id: string) => lines.find((l) => l.lookForId === id)!;

  it('follows a look-for through versions by id, oldest round first, and says it went up', () => {
    expect(line('peer-talk').points.map((p) => p.roundId)).toEqual(['r1', 'r2']);
    expect(
      line('peer-talk').points.map((p) =>
        'absent' in p.cell ? 'absent' : p.cell.suppressed ? 'x' : p.cell.share,
      ),
    ).toMatchObject([{ percentSeen: 20 }, { percentSeen: 60 }]);
    expect(line('peer-talk').change).toEqual({ from: 'r1', to: 'r2', points: 40, direction: 'up' });
  });

  it('marks a look-for added in v2 absent in v1 rounds, not zero, and gives no change', () => {
    expect(line('student-choice').points[0]?.cell).toEqual({ absent: true });
    expect(line('student-choice').change).toBeNull();
  });

  it('gives no change when the earlier round is suppressed', () => {
    expect(line('target-posted').points[0]?.cell).toEqual({
      suppressed: true,
      reason: 'fewer than 5 classrooms',
    });
    expect(line('target-posted').change).toBeNull();
  });

  it('shows a round on its own while a look-for of the round before rests on too few rooms', () => {
    // Rounds are joined by classrooms visited (ten each here), so r2 stands alone; r1's
    // four answers make a block that no view containing it ever shows.
    expect(line('target-posted').points[1]?.cell).toMatchObject({ suppressed: false });
    const release = new Release(
      cubeOf([
        {
          period: 'r:r1',
          periodStart: starts.r1,
          counts: [seenCounts('target-posted', sc(3, 1))],
          visits: 10,
        },
        { period: 'r:r2', periodStart: starts.r2, counts: [seenCounts('target-posted', sc(5, 5))] },
      ]),
      5,
    );
    expect(release.seen('target-posted', () => true)).toEqual(protecting);
  });

  it('says "same" when the share did not move', () => {
    const same = trendLines(
      entries,
      rounds,
      trendOf({ r1: { 'peer-talk': sc(5, 5) }, r2: { 'peer-talk': sc(3, 3) } }, starts),
    );
    expect(same.find((l) => l.lookForId === 'peer-talk')?.change?.direction).toBe('same');
  });
});

describe('heat map', () => {
  const mapOf = (bands: Record<string, SeenCounts>) => {
    const release = new Release(
      cubeOf(
        Object.entries(bands).map(([band, c]) => ({ band, counts: [seenCounts('peer-talk', c)] })),
      ),
      5,
    );
    return heatMap('gradeBand', entries, Object.keys(bands), (lookForId, band) =>
      release.seen(lookForId, (p) => p.band === band),
    );
  };
  const hiddenCell = { suppressed: true, reason: 'fewer than 5 classrooms' };

  it('hides a small band, and the band it would be subtracted from', () => {
    const map = mapOf({ 'K-2': sc(4, 1), '3-5': sc(2, 1) });
    const row = map.rows.find((r) => r.lookForId === 'peer-talk')!;
    expect(row.cells).toEqual([protecting, hiddenCell]);
  });

  it('shows the bands that keep the small one hidden', () => {
    const map = mapOf({ 'K-2': sc(4, 1), '3-5': sc(5, 2), '6-8': sc(2, 1) });
    const row = map.rows.find((r) => r.lookForId === 'peer-talk')!;
    // 6-8 (3 rooms) is pooled with the smallest big band (K-2): both hidden, 3-5 shown.
    expect(row.cells[0]).toEqual(protecting);
    expect(row.cells[1]).toMatchObject({ suppressed: false, share: { percentSeen: 71.4 } });
    expect(row.cells[2]).toEqual(hiddenCell);
  });

  it('keeps the row order of the protocol', () => {
    const map = mapOf({ 'K-2': sc(4, 1) });
    expect(map.rows.map((r) => r.lookForId)).toEqual([
      'target-posted',
      'peer-talk',
      'student-choice',
    ]);
  });
});

describe('CSV of the aggregate table', () => {
  const release = new Release(
    cubeOf([
      {
        counts: [
          { ...emptyCounts('target-posted'), classrooms: 5, seen: 4, notSeen: 1 },
          { ...emptyCounts('peer-talk'), classrooms: 4, seen: 3, notSeen: 1 },
          { ...emptyCounts('student-choice'), classrooms: 9, seen: 1, notSeen: 2, na: 6 },
          { ...emptyCounts('engagement'), classrooms: 6, levels: { low: 2, high: 4 } },
        ],
      },
    ]),
    5,
  );
  const rows = lookForTable(entries, (entry) => release.lookFor(entry, () => true));
  const none = () => ({ suppressed: true as const, reason: 'fewer than 5 classrooms' });
  const parsed = Papa.parse<Record<string, string>>(aggregateCsv(rows, 5), { header: true });
  const row = (id: string) => parsed.data.find((r) => r['Look-for id'] === id)!;

  it('has a header row of the documented columns', () => {
    expect(parsed.meta.fields).toEqual([...csvColumns]);
  });

  it('writes the figures of a shown row', () => {
    expect(row('target-posted')).toMatchObject({
      Classrooms: '5',
      Seen: '4',
      'Not seen': '1',
      'N/A': '0',
      'Percent seen': '80',
    });
    // 4 of 5: its 90% Wilson range in whole percentages (issue #15).
    expect(row('target-posted')).toMatchObject({
      'Percent seen low (90%)': '44',
      'Percent seen high (90%)': '95',
    });
    expect(row('engagement').Levels).toBe('A few students: 2; Nearly all students: 4; Some: 0');
  });

  it('says "suppressed (fewer than 5 classrooms)" and leaks no number for a small row', () => {
    const small = row('peer-talk');
    expect(small.Classrooms).toBe('suppressed (fewer than 5 classrooms)');
    expect(small['Percent seen']).toBe('suppressed (fewer than 5 classrooms)');
    const figures = Object.entries(small).filter(
      ([k]) => !['Look-for id', 'Look-for', 'Section', 'Response type'].includes(k),
    );
    for (const [, value] of figures) expect(value.replace('fewer than 5', '')).not.toMatch(/\d/);
  });

  it('hides every figure of a look-for when too few rooms answered other than N/A', () => {
    // Nine rooms, six N/A: the classrooms and N/A counts would give away the three others.
    expect(row('student-choice')).toMatchObject({
      Classrooms: 'suppressed (fewer than 5 classrooms)',
      'N/A': 'suppressed (fewer than 5 classrooms)',
      Seen: 'suppressed (fewer than 5 classrooms)',
      'Percent seen': 'suppressed (fewer than 5 classrooms)',
    });
  });

  it('neutralises a formula cell that runs on past a line break, and one after a tab', () => {
    for (const text of ['=HYPERLINK("x")\nsecond line', '\t=1+1', '@SUM(A1)']) {
      const cell = lookForTable([{ ...entries[0]!, text }], none);
      expect(aggregateCsv(cell, 5)).toContain(`"'${text.replace(/"/g, '""')}"`);
    }
  });

  it('neutralises a cell that a spreadsheet would run as a formula', () => {
    const formula = lookForTable([{ ...entries[0]!, text: '=HYPERLINK("x")' }], none);
    expect(aggregateCsv(formula, 5)).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('has no number in a suppressed row of the JSON either', () => {
    expect(numbersIn(rows[1]?.figure)).toEqual([]);
  });
});
