// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CalibrationReport } from '../../../../src/shared/answers/calibration';
import { CalibrationScreen } from '../../../../src/client/ui/calibration/CalibrationScreen';

const ROUND = '70000000-0000-4000-8000-000000000001';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const serve = (answer: () => Response) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => answer()),
  );

const report = (patch: Partial<CalibrationReport> = {}): CalibrationReport => ({
  roundId: ROUND,
  roundName: 'Morning calibration',
  rooms: 3,
  observers: ['Coach Osei', 'Coach Rivera'],
  lookFors: [
    {
      lookForId: 'talk',
      text: 'Students explain their thinking to a peer',
      rooms: 3,
      percent: 2 / 3,
      kappa: 0.4,
      method: 'cohen',
      disagreements: [
        {
          room: '114',
          answers: [
            { observer: 'Coach Rivera', answer: 'Seen', notes: 'Pairs compared answers' },
            { observer: 'Coach Osei', answer: 'Not seen', notes: '' },
          ],
        },
      ],
    },
    {
      lookForId: 'goal',
      text: 'The learning goal is posted',
      rooms: 3,
      percent: 1,
      kappa: null,
      method: 'cohen',
      disagreements: [],
    },
  ],
  ...patch,
});

describe('the calibration screen', () => {
  it('shows agreement and kappa per look-for, and "—" where kappa is undefined', async () => {
    serve(() => Response.json(report()));
    render(<CalibrationScreen roundId={ROUND} />);
    const talk = (await screen.findByRole('rowheader', { name: /explain their thinking/ }))
      .parentElement!;
    expect(within(talk).getByText('67%')).toBeTruthy();
    expect(within(talk).getByText(/0\.40/)).toBeTruthy();
    expect(within(talk).getByText(/Cohen’s kappa/)).toBeTruthy();
    const goal = screen.getByRole('rowheader', { name: /goal is posted/ }).parentElement!;
    expect(within(goal).getByText('100%')).toBeTruthy();
    expect(within(goal).getByText('—')).toBeTruthy();
    expect(screen.getByText(/3 rooms visited together by Coach Osei, Coach Rivera/)).toBeTruthy();
  });

  it('lists every disagreement with each observer’s answer and notes side by side', async () => {
    serve(() => Response.json(report()));
    render(<CalibrationScreen roundId={ROUND} />);
    const room = await screen.findByRole('region', { name: 'Room 114' });
    expect(within(room).getByText('Seen')).toBeTruthy();
    expect(within(room).getByText('Not seen')).toBeTruthy();
    expect(within(room).getByText('Pairs compared answers')).toBeTruthy();
    expect(within(room).getByText('No notes')).toBeTruthy();
  });

  it('says agreement waits for both observers’ visits when no room is paired yet', async () => {
    serve(() => Response.json(report({ rooms: 0, observers: [] })));
    render(<CalibrationScreen roundId={ROUND} />);
    expect(await screen.findByText(/appears once both observers’ visits/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says why when the server refuses or cannot be reached', async () => {
    serve(() =>
      Response.json(
        { error: { code: 'forbidden', message: 'Only the round’s team sees this' } },
        { status: 403 },
      ),
    );
    render(<CalibrationScreen roundId={ROUND} />);
    expect((await screen.findByRole('alert')).textContent).toContain('round’s team');
  });
});
