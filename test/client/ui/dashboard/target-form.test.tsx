// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TargetForm } from '../../../../src/client/ui/dashboard/TargetForm';
import type { RoundTargets } from '../../../../src/shared/targets';
import { seenRow } from './result-rows';

const ROUND = '50000000-0000-4000-8000-000000000001';
const none: RoundTargets = { roundId: ROUND, schoolYear: '2026-2027', maySet: true, targets: [] };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubFetch(answer: () => Response) {
  const fetch = vi.fn(async (_path: string, _init?: RequestInit) => answer());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderForm(targets = none) {
  const onSaved = vi.fn();
  render(
    <TargetForm rows={[seenRow('a', 80), seenRow('b', 40)]} targets={targets} onSaved={onSaved} />,
  );
  fireEvent.click(screen.getByText('Set targets'));
  return onSaved;
}

describe('the target form', () => {
  it('sets a school-year target for the chosen look-for', async () => {
    const saved: RoundTargets = { ...none, targets: [{ lookForId: 'b', round: null, year: 75 }] };
    const fetch = stubFetch(() => Response.json(saved));
    const onSaved = renderForm();
    fireEvent.change(screen.getByLabelText('Look-for'), { target: { value: 'b' } });
    fireEvent.click(screen.getByLabelText('School year 2026-2027'));
    fireEvent.input(screen.getByLabelText('Target, percent of classrooms'), {
      target: { value: '75' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const [path, init] = fetch.mock.calls[0]!;
    expect(path).toBe('/api/dashboard/targets');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({
      roundId: ROUND,
      lookForId: 'b',
      scope: 'year',
      percent: 75,
    });
    expect(screen.getByRole('status').textContent).toBe('Target saved.');
  });

  it('refuses a percent outside 0 to 100 before sending anything', () => {
    const fetch = stubFetch(() => Response.json(none));
    renderForm();
    for (const value of ['120', '-5', '12.5', '']) {
      fireEvent.input(screen.getByLabelText('Target, percent of classrooms'), {
        target: { value },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
      expect(screen.getByRole('alert').textContent).toBe(
        'A target is a whole percent from 0 to 100',
      );
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the server's reason when it refuses", async () => {
    stubFetch(() =>
      Response.json(
        {
          error: {
            code: 'forbidden',
            message: 'Only the school’s principal or a coach sets targets',
          },
        },
        { status: 403 },
      ),
    );
    const onSaved = renderForm();
    fireEvent.input(screen.getByLabelText('Target, percent of classrooms'), {
      target: { value: '80' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/sets targets/));
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('removes the current target', async () => {
    const fetch = stubFetch(() => Response.json(none));
    const onSaved = renderForm({ ...none, targets: [{ lookForId: 'a', round: 60, year: null }] });
    expect(screen.getByText('Now: 60%')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove target' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(none));
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toMatchObject({
      lookForId: 'a',
      scope: 'round',
      percent: null,
    });
  });
});
