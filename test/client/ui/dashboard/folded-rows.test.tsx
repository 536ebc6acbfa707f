// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LookForTable } from '../../../../src/client/ui/dashboard/LookForTable';
import { hiddenRow, seenRow } from './result-rows';

afterEach(cleanup);

const rows = [
  seenRow('a', 80),
  hiddenRow('b'),
  seenRow('c', 40),
  hiddenRow('d'),
  hiddenRow('e'),
  hiddenRow('f'),
];

describe('suppressed look-fors in the results table', () => {
  it('fold into one line saying how many rest on too few classrooms', () => {
    const { container } = render(<LookForTable rows={rows} threshold={5} quotes={[]} />);
    const fold = screen.getByRole('button', {
      name: /4 look-fors rest on fewer than 5 classrooms/,
    });
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    const shown = [...container.querySelectorAll('tr[data-look-for]')].map((r) =>
      r.getAttribute('data-look-for'),
    );
    expect(shown).toEqual(['a', 'c']);
    expect(screen.queryAllByText('Fewer than 5 classrooms')).toEqual([]);
  });

  it('open on a tap to show each hidden look-for, and close again', () => {
    const { container } = render(<LookForTable rows={rows} threshold={5} quotes={[]} />);
    const fold = screen.getByRole('button', { name: /4 look-fors rest/ });
    fireEvent.click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    const all = [...container.querySelectorAll('tr[data-look-for]')].map((r) =>
      r.getAttribute('data-look-for'),
    );
    expect(all).toEqual(['a', 'c', 'b', 'd', 'e', 'f']);
    expect(screen.getAllByText('Fewer than 5 classrooms').length).toBeGreaterThanOrEqual(4);
    fireEvent.click(fold);
    expect(container.querySelectorAll('tr[data-look-for]').length).toBe(2);
  });

  it('say "1 look-for rests" for a single one, and show no line when none is hidden', () => {
    const { unmount } = render(
      <LookForTable rows={[seenRow('a', 50), hiddenRow('b')]} threshold={5} quotes={[]} />,
    );
    screen.getByRole('button', { name: /1 look-for rests on fewer than 5 classrooms/ });
    unmount();
    render(<LookForTable rows={[seenRow('a', 50)]} threshold={5} quotes={[]} />);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it("show each look-for's target and where it comes from", () => {
    const { container } = render(
      <LookForTable
        rows={rows}
        threshold={5}
        quotes={[]}
        targets={[
          { lookForId: 'a', round: 75, year: 90 },
          { lookForId: 'c', round: null, year: 60 },
        ]}
      />,
    );
    const cells = (id: string) =>
      [...container.querySelectorAll(`tr[data-look-for="${id}"] td`)].map((td) => td.textContent);
    expect(cells('a')).toContain('75% (this round)');
    expect(cells('c')).toContain('60% (school year)');
  });
});
