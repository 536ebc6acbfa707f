import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../../src/shared/dashboard';
import type { Round } from '../../../src/shared/rounds';
import { TEST_SCHOOL_ID } from '../../support/factories';
import { startTestServer, type TestServer } from '../../support/server-app';
import { testDialects } from '../../support/test-db';
import { numbersIn } from '../../shared/aggregates/fixtures';
import { fallAnswers, pushVisits, seedProtocol, seedRound } from './seed-round';

const dialects = await testDialects();

describe.each(dialects)('dashboard figures of a round, on %s', (dialect) => {
  let server: TestServer;
  let plan: Round;

  beforeEach(async () => {
    server = await startTestServer(dialect);
    await seedProtocol(server);
    plan = await seedRound(server);
    await pushVisits(server, plan, fallAnswers);
  });
  afterEach(async () => {
    await server.db.dispose();
  });

  const get = async (path: string) =>
    server.app.request(path, { headers: { cookie: await server.cookie() } });
  const summary = async (query: string) => {
    const res = await get(`/api/dashboard/summary?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Summary;
  };
  const row = (s: Summary, id: string) => s.lookFors.find((r) => r.lookForId === id)!;

  it('gives exact classrooms, percent seen and N/A apart for each look-for', async () => {
    const s = await summary(`roundId=${plan.id}`);
    expect(s.classrooms).toEqual({ suppressed: false, count: 8 });
    expect(s.scope).toMatchObject({
      schoolId: TEST_SCHOOL_ID,
      protocolId: 'school-walk',
      round: { id: plan.id, name: 'Fall sweep' },
    });
    expect(row(s, 'checks-understanding').figure).toEqual({
      suppressed: false,
      kind: 'seen',
      classrooms: 8,
      seen: 5,
      notSeen: 2,
      na: 1,
      share: { suppressed: false, percentSeen: 71.4, answered: 7, allNa: false },
    });
  });

  it('gives the scale distribution and counts quotes', async () => {
    const s = await summary(`roundId=${plan.id}`);
    expect(row(s, 'wait-time').figure).toEqual({
      suppressed: false,
      kind: 'scale',
      classrooms: 5,
      levels: [
        { levelId: 'short', label: 'Under 3 seconds', count: 2, percent: 40 },
        { levelId: 'medium', label: '3 to 5 seconds', count: 0, percent: 0 },
        { levelId: 'long', label: 'Over 5 seconds', count: 3, percent: 60 },
      ],
    });
    expect(row(s, 'student-voice').figure).toMatchObject({
      kind: 'quote',
      classrooms: 5,
      quotes: 5,
    });
  });

  it('suppresses a look-for answered in four classrooms, with no number anywhere in the cell', async () => {
    const s = await summary(`roundId=${plan.id}`);
    expect(row(s, 'questions-asked').figure).toEqual({
      suppressed: true,
      reason: 'fewer than 5 classrooms',
    });
    expect(numbersIn(row(s, 'questions-asked').figure)).toEqual([]);
  });

  it('shows the tally once a fifth classroom counts, exactly at the threshold', async () => {
    await pushVisits(
      server,
      plan,
      [{ band: '3-5', notes: '', answers: { 'questions-asked': { count: 10 } } }],
      undefined,
      9,
    );
    const s = await summary(`roundId=${plan.id}`);
    // 2, 4, 6, 8, 10: mean 6, population SD 2.8
    expect(row(s, 'questions-asked').figure).toEqual({
      suppressed: false,
      kind: 'tally',
      classrooms: 5,
      mean: 6,
      spread: 2.8,
    });
  });

  it('pools sections and tags, counting each classroom once', async () => {
    const s = await summary(`roundId=${plan.id}`);
    expect(s.groups.find((g) => g.id === 'teacher-doing')?.figure).toMatchObject({
      classrooms: 8,
      share: { percentSeen: 71.4 },
    });
  });

  it('maps look-fors by grade band, hiding the band with two classrooms and the band it would be subtracted from', async () => {
    // 3-5 shown beside the whole round would give K-2 (two rooms) by subtraction.
    const s = await summary(`roundId=${plan.id}`);
    expect(s.heatMap.columns).toEqual(['K-2', '3-5']);
    const cells = s.heatMap.rows.find((r) => r.lookForId === 'checks-understanding')!.cells;
    expect(cells).toEqual([
      { suppressed: true, reason: 'fewer than 5 classrooms' },
      { suppressed: true, reason: 'hidden so that a smaller group cannot be worked out' },
    ]);
    expect(numbersIn(s.heatMap)).toEqual([]);
    expect(row(s, 'checks-understanding').figure).toMatchObject({ suppressed: false, seen: 5 });
  });

  it('shows a band once the other bands are big enough to keep each other hidden', async () => {
    await pushVisits(
      server,
      plan,
      Array.from({ length: 5 }, () => ({
        band: 'K-2' as const,
        notes: '',
        answers: { 'checks-understanding': 'seen' as const },
      })),
      undefined,
      20,
    );
    const s = await summary(`roundId=${plan.id}`);
    const cells = s.heatMap.rows.find((r) => r.lookForId === 'checks-understanding')!.cells;
    expect(cells[0]).toMatchObject({ suppressed: false, seen: 5, notSeen: 1, na: 1 });
    expect(cells[1]).toMatchObject({ suppressed: false, seen: 5, notSeen: 1 });
  });

  it('maps by subject when asked', async () => {
    const s = await summary(`roundId=${plan.id}&heat=subject`);
    expect(s.heatMap).toMatchObject({ by: 'subject', columns: ['Math', 'Reading'] });
  });

  it('narrows by grade band and then suppresses what rests on too few rooms', async () => {
    const s = await summary(`roundId=${plan.id}&gradeBand=K-2`);
    expect(s.classrooms).toEqual({ suppressed: true, reason: 'fewer than 5 classrooms' });
    expect(numbersIn(s.lookFors.map((r) => r.figure))).toEqual([]);
  });

  it('reads a date range of a school and protocol in whole months, like the round', async () => {
    const range = `schoolId=${TEST_SCHOOL_ID}&protocolId=school-walk`;
    const s = await summary(`${range}&from=2026-10-14&to=2026-10-15`);
    expect(s.scope.covers).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(s.classrooms).toEqual({ suppressed: false, count: 8 });
    expect(row(s, 'checks-understanding').figure).toMatchObject({
      seen: 5,
      notSeen: 2,
      share: { percentSeen: 71.4 },
    });
    // Math alone would give the two Reading rooms by subtraction from the whole.
    const math = await summary(`${range}&from=2026-10-01&to=2026-10-31&subject=Math`);
    const protecting = {
      suppressed: true,
      reason: 'hidden so that a smaller group cannot be worked out',
    };
    expect(math.classrooms).toEqual(protecting);
    expect(row(math, 'checks-understanding').figure).toEqual(protecting);
    // Only Math rooms answered wait-time: its Math figure is its whole figure, so it shows.
    expect(row(math, 'wait-time').figure).toMatchObject({ suppressed: false, classrooms: 5 });
    const outside = await summary(
      `schoolId=${TEST_SCHOOL_ID}&protocolId=school-walk&from=2026-11-01&to=2026-11-30`,
    );
    expect(outside.classrooms).toEqual({ suppressed: true, reason: 'fewer than 5 classrooms' });
  });

  it('exports the table as CSV with the same figures, and no number in a suppressed row', async () => {
    const res = await get(`/api/dashboard/summary.csv?roundId=${plan.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="results-fall-sweep.csv"',
    );
    const rows = Papa.parse<Record<string, string>>(await res.text(), { header: true }).data;
    expect(rows.find((r) => r['Look-for id'] === 'checks-understanding')).toMatchObject({
      Classrooms: '8',
      Seen: '5',
      'Not seen': '2',
      'N/A': '1',
      'Percent seen': '71.4',
    });
    const hidden = rows.find((r) => r['Look-for id'] === 'questions-asked')!;
    expect(hidden.Classrooms).toBe('suppressed (fewer than 5 classrooms)');
    const {
      ['Look-for id']: _id,
      ['Look-for']: _text,
      Section: _s,
      ['Response type']: _k,
      ...figures
    } = hidden;
    for (const value of Object.values(figures))
      expect(value.replace('fewer than 5', '')).not.toMatch(/\d/);
  });

  it('follows a configured threshold', async () => {
    const strict = await startTestServer(dialect, { suppressBelow: 9 });
    try {
      await seedProtocol(strict);
      const r = await seedRound(strict);
      await pushVisits(strict, r, fallAnswers);
      const res = await strict.app.request(`/api/dashboard/summary?roundId=${r.id}`, {
        headers: { cookie: await strict.cookie() },
      });
      const s = (await res.json()) as Summary;
      expect(s.threshold).toBe(9);
      expect(row(s, 'checks-understanding').figure).toEqual({
        suppressed: true,
        reason: 'fewer than 9 classrooms',
      });
    } finally {
      await strict.db.dispose();
    }
  });
});
