// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareBackSettingsPanel } from '../../../../src/client/ui/admin/ShareBackSettingsPanel';
import type { ShareClockSettings } from '../../../../src/shared/share-back';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const district = (): ShareClockSettings => ({
  schoolDays: 2,
  daysOff: ['2026-11-27'],
  timeZone: 'America/Chicago',
});

/** A server holding the district's share-back settings; answers like the real route. */
function stubServer(held: { value: ShareClockSettings }, reading?: Promise<void>) {
  const fetch = vi.fn(async (_path: string, init?: RequestInit) => {
    if (init?.method === 'PUT') held.value = JSON.parse(String(init.body)) as ShareClockSettings;
    else await reading;
    return Response.json(held.value);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('the share-back settings form', () => {
  it('is laid out, disabled, while the setting loads, then saves a change keeping the calendar', async () => {
    const held = { value: district() };
    let answer = () => {};
    const fetch = stubServer(
      held,
      new Promise<void>((resolve) => {
        answer = resolve;
      }),
    );
    render(<ShareBackSettingsPanel />);
    const days = screen.getByLabelText('School days to share with staff') as HTMLInputElement;
    const button = screen.getByRole('button', { name: 'Save sharing time' });
    expect(days.closest('fieldset')!.disabled).toBe(true);
    answer();
    await waitFor(() => expect(days.value).toBe('2'));
    expect(days.closest('fieldset')!.disabled).toBe(false);
    // The same elements before and after: nothing below the panel moves.
    expect(screen.getByLabelText('School days to share with staff')).toBe(days);
    expect(screen.getByRole('button', { name: 'Save sharing time' })).toBe(button);

    fireEvent.input(days, { target: { value: '3' } });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(held.value).toEqual({ ...district(), schoolDays: 3 });
    expect(fetch.mock.calls.at(-1)![0]).toContain('/api/share-back/settings');
  });

  it('names a count out of bounds beside its field and sends nothing', async () => {
    const held = { value: district() };
    const fetch = stubServer(held);
    render(<ShareBackSettingsPanel />);
    const days = screen.getByLabelText('School days to share with staff') as HTMLInputElement;
    await waitFor(() => expect(days.value).toBe('2'));
    fireEvent.input(days, { target: { value: '31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save sharing time' }));
    expect(await screen.findByText('At most 30 school days')).toBeTruthy();
    expect(days.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(days, { target: { value: '1.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save sharing time' }));
    expect(await screen.findByText('Give the school days as a whole number')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(held.value.schoolDays).toBe(2);
  });

  it('says why when the setting cannot be read, and stays disabled', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          {
            error: { code: 'forbidden', message: 'Only district admins change district settings' },
          },
          { status: 403 },
        ),
      ),
    );
    render(<ShareBackSettingsPanel />);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Only district admins change district settings',
      ),
    );
    const days = screen.getByLabelText('School days to share with staff') as HTMLInputElement;
    expect(days.closest('fieldset')!.disabled).toBe(true);
  });
});
