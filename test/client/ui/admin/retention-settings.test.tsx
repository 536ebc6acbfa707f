// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetentionSettingsPanel } from '../../../../src/client/ui/admin/RetentionSettingsPanel';
import { defaultRetention, type RetentionSettings } from '../../../../src/shared/retention';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A server holding the district's retention settings; answers like the real route. */
function stubServer(held: { value: RetentionSettings }) {
  const fetch = vi.fn(async (_path: string, init?: RequestInit) => {
    if (init?.method === 'PUT') held.value = JSON.parse(String(init.body)) as RetentionSettings;
    return Response.json(held.value);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('the retention settings form', () => {
  it('shows the district’s windows and saves a change', async () => {
    const held = { value: { ...defaultRetention } };
    stubServer(held);
    render(<RetentionSettingsPanel />);
    const photos = (await screen.findByLabelText('Photos (days)')) as HTMLInputElement;
    expect(photos.value).toBe('365');
    expect(
      (screen.getByLabelText('Observations and rounds (days)') as HTMLInputElement).value,
    ).toBe('1095');
    fireEvent.input(photos, { target: { value: '180' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    await waitFor(() => expect(held.value.photoDays).toBe(180));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
  });

  it('names a window out of bounds beside its field and sends nothing', async () => {
    const held = { value: { ...defaultRetention } };
    const fetch = stubServer(held);
    render(<RetentionSettingsPanel />);
    const notes = await screen.findByLabelText('Peer notes (days)');
    fireEvent.input(notes, { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(await screen.findByText('Peer notes are kept at least 30 days')).toBeTruthy();
    expect(notes.getAttribute('aria-invalid')).toBe('true');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(held.value.peerNoteDays).toBe(365);
  });
});
