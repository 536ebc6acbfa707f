// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLookforDb } from '../../../../src/client/data/db';
import { keepSchoolClocks } from '../../../../src/client/data/share-clock-store';
import { DistrictShareBack } from '../../../../src/client/ui/share-back/DistrictShareBack';
import { ShareClockLine } from '../../../../src/client/ui/share-back/ShareClockLine';
import { ShareClockPanel } from '../../../../src/client/ui/share-back/ShareClockPanel';
import type { RoundShareClock } from '../../../../src/shared/answers/share-back';
import { round, TEST_SCHOOL_ID } from '../../../support/factories';
import { renderApp } from '../../../support/render-app';

const ROUND = '50000000-0000-4000-8000-000000000001';
const SCHOOL = '10000000-0000-4000-8000-000000000001';

const clock = (c: RoundShareClock['clock'], extra: Partial<RoundShareClock> = {}) =>
  ({
    roundId: ROUND,
    roundName: 'Winter sweep',
    schoolId: SCHOOL,
    schoolName: 'Lincoln Elementary',
    closedOn: '2026-11-26',
    shareBy: '2026-11-30',
    sharedOn: c.state === 'shared' ? c.sharedOn : null,
    clock: c,
    ...extra,
  }) satisfies RoundShareClock;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the share-back clock line', () => {
  it('counts down in school days, then says overdue, then shared', () => {
    const { rerender } = render(
      <ShareClockLine clock={clock({ state: 'due', schoolDaysLeft: 2, shareBy: '2026-11-30' })} />,
    );
    expect(
      screen.getByText(/Share with staff within 2 school days \(by 2026-11-30\)/),
    ).toBeTruthy();
    rerender(
      <ShareClockLine clock={clock({ state: 'due', schoolDaysLeft: 0, shareBy: '2026-11-30' })} />,
    );
    expect(screen.getByText(/by the end of today/)).toBeTruthy();
    rerender(<ShareClockLine clock={clock({ state: 'overdue', shareBy: '2026-11-30' })} />);
    expect(screen.getByText(/overdue since 2026-11-30/)).toBeTruthy();
    rerender(
      <ShareClockLine
        clock={clock({
          state: 'shared',
          onTime: false,
          shareBy: '2026-11-30',
          sharedOn: '2026-12-01',
        })}
      />,
    );
    expect(screen.getByText(/Shared with staff late/)).toBeTruthy();
    expect(document.querySelector('.share-clock-late')).toBeTruthy();
  });
});

describe('the clock on the results screen', () => {
  it('holds its place, hidden, while the clock loads', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => {})),
    );
    const { container } = render(<ShareClockPanel roundId={ROUND} schoolId={SCHOOL} />);
    expect(container.querySelector('.share-clock-placeholder')).toBeTruthy();
    expect(container.querySelector('[data-share-clock]')).toBeNull();
  });

  it('shows the countdown and stops it when the leader marks the summary shared', async () => {
    let shared = false;
    const fetch = vi.fn(async (path: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        shared = true;
        return Response.json(
          clock({ state: 'shared', onTime: true, shareBy: '2026-11-30', sharedOn: '2026-11-27' }),
        );
      }
      expect(path).toContain(`/api/share-back/rounds?schoolId=${SCHOOL}`);
      return Response.json({
        rounds: [
          shared
            ? clock({
                state: 'shared',
                onTime: true,
                shareBy: '2026-11-30',
                sharedOn: '2026-11-27',
              })
            : clock({ state: 'due', schoolDaysLeft: 1, shareBy: '2026-11-30' }),
        ],
      });
    });
    vi.stubGlobal('fetch', fetch);
    render(<ShareClockPanel roundId={ROUND} schoolId={SCHOOL} />);
    await screen.findByText(/by the end of the next school day/);
    fireEvent.click(screen.getByRole('button', { name: 'Mark summary shared with staff' }));
    await screen.findByText(/Shared with staff on time/);
    expect(screen.queryByRole('button', { name: /Mark summary shared/ })).toBeNull();
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(post[0]).toContain(`/api/share-back/rounds/${ROUND}/share`);
  });

  it('says why the server refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_path: string, init?: RequestInit) =>
        init?.method === 'POST'
          ? Response.json(
              { error: { code: 'forbidden', message: 'Only the school’s principal…', fields: [] } },
              { status: 403 },
            )
          : Response.json({ rounds: [clock({ state: 'overdue', shareBy: '2026-11-30' })] }),
      ),
    );
    render(<ShareClockPanel roundId={ROUND} schoolId={SCHOOL} />);
    await screen.findByText(/overdue since 2026-11-30/);
    fireEvent.click(screen.getByRole('button', { name: 'Mark summary shared with staff' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/principal/));
  });
});

describe('the district’s share-back view', () => {
  it('lists rounds shared late or overdue, not yet shared, and on time, with their dates', async () => {
    const other = (id: string, c: RoundShareClock['clock'], name: string) =>
      clock(c, { roundId: id, roundName: name });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({
          rounds: [
            other('a', { state: 'overdue', shareBy: '2026-11-30' }, 'Fall sweep'),
            other('b', { state: 'due', schoolDaysLeft: 1, shareBy: '2026-12-02' }, 'Math walk'),
            other(
              'c',
              { state: 'shared', onTime: true, shareBy: '2026-11-30', sharedOn: '2026-11-27' },
              'Winter sweep',
            ),
            other(
              'd',
              { state: 'shared', onTime: false, shareBy: '2026-11-30', sharedOn: '2026-12-02' },
              'Late one',
            ),
          ],
        }),
      ),
    );
    const { container } = render(<DistrictShareBack />);
    await screen.findByRole('heading', { name: 'Shared back with staff' });
    const names = (group: string) =>
      [...container.querySelectorAll(`table[data-group="${group}"] tbody th`)].map(
        (th) => th.textContent,
      );
    expect(names('late')).toEqual(['Fall sweep', 'Late one']);
    expect(names('not-yet')).toEqual(['Math walk']);
    expect(names('on-time')).toEqual(['Winter sweep']);
    expect(screen.getByText('Shared on time (1)')).toBeTruthy();
  });
});

describe('the clock on the rounds list, offline', () => {
  it('shows the last clock received, counted on to today', async () => {
    const closed = round({ status: 'closed', name: 'Winter sweep' });
    const dbName = `share-clock-list-${crypto.randomUUID()}`;
    const device = openLookforDb(dbName);
    await device.records.put({
      entity: 'round',
      id: closed.id,
      data: closed,
      rev: 1,
      deleted: 0,
      updatedAt: closed.updatedAt,
    });
    // Received on Thursday: two school days left, Monday 30 November a day off.
    await keepSchoolClocks(
      device,
      TEST_SCHOOL_ID,
      [
        clock(
          { state: 'due', schoolDaysLeft: 2, shareBy: '2026-12-01' },
          {
            roundId: closed.id,
            schoolId: TEST_SCHOOL_ID,
            shareBy: '2026-12-01',
            daysOff: ['2026-11-30'],
          },
        ),
      ],
      new Date('2026-11-26T12:00:00Z'),
    );
    device.close();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    // Friday, offline: only Tuesday is left.
    const { db } = renderApp('#/rounds', () => new Date('2026-11-27T12:00:00Z'), { dbName });
    const line = await screen.findByText(/by the end of the next school day/);
    expect(line.closest('[data-share-clock]')!.getAttribute('data-share-clock')).toBe('due');
    db.close();
  });
});
