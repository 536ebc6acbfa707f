// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupTable } from '../../../../src/client/ui/dashboard/GroupTable';
import { LookForTable } from '../../../../src/client/ui/dashboard/LookForTable';
import { ProjectorView } from '../../../../src/client/ui/dashboard/ProjectorView';
import { changeText, TrendTable } from '../../../../src/client/ui/dashboard/TrendTable';
import { rangeText } from '../../../../src/client/ui/dashboard/format';
import { seenFigure } from '../../../../src/shared/aggregates/seen';
import type { LookForRow } from '../../../../src/shared/aggregates/table';
import type { TrendLine } from '../../../../src/shared/aggregates/trend';
import type { Trend } from '../../../../src/shared/dashboard';
import { CHANGE_METHOD } from '../../../../src/shared/evidence/change';

afterEach(cleanup);

const figure = (seen: number, notSeen: number, na = 0) => ({
  suppressed: false as const,
  ...seenFigure({ seen, notSeen, na }, 5),
});

const row = (id: string, seen: number, notSeen: number, na = 0): LookForRow => ({
  lookForId: id,
  text: `Look-for ${id}`,
  kind: 'seen',
  sectionTitle: 'Students doing',
  tags: [],
  figure: figure(seen, notSeen, na),
});

const line = (before: [number, number], after: [number, number]): TrendLine => {
  const a = figure(...before);
  const b = figure(...after);
  const share = (f: typeof a) => (f.share.suppressed ? null : f.share.percentSeen);
  const from = share(a);
  const to = share(b);
  return {
    lookForId: 'peer',
    text: 'Students explain their thinking to a peer',
    points: [
      { roundId: 'r1', cell: a },
      { roundId: 'r2', cell: b },
    ],
    change:
      from === null || to === null
        ? null
        : {
            from: 'r1',
            to: 'r2',
            points: Math.round((to - from) * 10) / 10,
            direction: to > from ? 'up' : to < from ? 'down' : 'same',
          },
  };
};

describe('honest numbers on the results screen', () => {
  it('gives every shown share its 90% Wilson range in the look-for table', () => {
    const { container } = render(
      <LookForTable rows={[row('a', 14, 6), row('b', 0, 10)]} threshold={5} quotes={[]} />,
    );
    expect(screen.getByRole('columnheader', { name: 'Likely range (90%)' })).toBeTruthy();
    const a = container.querySelector('tr[data-look-for="a"]')!;
    expect(a.querySelector('.results-share')!.textContent).toBe('70%');
    expect(a.querySelector('.results-range')!.textContent).toBe('52–84%');
    // 0 of 10 stays inside 0–100%.
    const b = container.querySelector('tr[data-look-for="b"] .results-range')!;
    expect(b.textContent).toBe('0–21%');
  });

  it('says "Not enough visits yet" instead of a figure below the enough-visits setting', () => {
    const { container } = render(
      <LookForTable rows={[row('a', 14, 6), row('c', 3, 1, 4)]} threshold={5} quotes={[]} />,
    );
    // The hidden row folds away; open it as a leader would.
    screen.getByRole('button', { name: /1 look-for rests on fewer than 5 classrooms/ }).click();
    const c = container.querySelector('tr[data-look-for="c"]');
    expect(c).toBeNull();
    expect(rangeText(row('c', 3, 1, 4).figure)).toBe('');
  });

  it('shows "Not enough visits yet" in the percent column of a small share', async () => {
    const { container, findByText } = render(
      <LookForTable rows={[row('c', 3, 1, 4)]} threshold={5} quotes={[]} />,
    );
    screen.getByRole('button', { name: /1 look-for rests/ }).click();
    await findByText('Not enough visits yet');
    const c = container.querySelector('tr[data-look-for="c"]')!;
    expect(c.querySelector('.results-range')!.textContent).toBe('');
    expect(c.querySelector('.results-share')!.textContent).not.toMatch(/\d/);
  });

  it('gives pooled section and tag shares their range too', () => {
    render(
      <GroupTable
        threshold={5}
        groups={[
          { kind: 'section', id: 's', label: 'Students doing', lookFors: 2, figure: figure(14, 6) },
        ]}
      />,
    );
    expect(screen.getByText('52–84%')).toBeTruthy();
  });

  it('puts the range on the projector slide', () => {
    render(
      <ProjectorView
        title="Lincoln"
        rows={[row('a', 14, 6)]}
        threshold={5}
        targets={[]}
        onClose={() => {}}
      />,
    );
    expect(screen.getByText('Likely between 52–84% (90% range)')).toBeTruthy();
  });
});

describe('since last round', () => {
  it('says up only beyond both rounds’ uncertainty (10 of 20 to 14 of 20 is up)', () => {
    expect(changeText(line([10, 10], [14, 6]), 5)).toBe('▲ up 20 points');
    expect(changeText(line([14, 6], [10, 10]), 5)).toBe('▼ down 20 points');
  });

  it('says "No clear change" with the points when the ranges overlap (13 of 20)', () => {
    expect(changeText(line([10, 10], [13, 7]), 5)).toBe('No clear change (+15 points)');
  });

  it('says "Not enough visits yet" when a round rests on too few classrooms', () => {
    expect(changeText(line([3, 1], [14, 6]), 5)).toBe('Not enough visits yet');
  });

  it('shows the one-sentence method and each round’s range in the trend table', () => {
    const trend: Trend = {
      threshold: 5,
      schoolName: 'Lincoln',
      rounds: [
        { roundId: 'r1', name: 'Fall', startsOn: '2026-09-01', protocolVersion: 1 },
        { roundId: 'r2', name: 'Winter', startsOn: '2026-12-01', protocolVersion: 1 },
      ],
      lines: [line([10, 10], [13, 7])],
    };
    const { container } = render(<TrendTable trend={trend} />);
    expect(screen.getByText(CHANGE_METHOD)).toBeTruthy();
    expect(container.querySelector('.trend-change')!.textContent).toBe(
      'No clear change (+15 points)',
    );
    expect(screen.getByText('33–67%')).toBeTruthy();
  });
});
