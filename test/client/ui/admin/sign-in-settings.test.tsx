// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInSettingsPanel } from '../../../../src/client/ui/admin/SignInSettingsPanel';
import type { SignInSettingsAnswer } from '../../../../src/shared/district-settings';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A server with this setting; a PUT changes it as the real route does. */
function stubServer(settings: SignInSettingsAnswer) {
  const puts: boolean[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_path: string, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        const { passwords } = JSON.parse(String(init.body)) as { passwords: boolean };
        puts.push(passwords);
        settings.passwords = passwords;
        return Response.json({ passwords });
      }
      return Response.json(settings);
    }),
  );
  return puts;
}

describe('the passwords switch', () => {
  it('names who would be locked out and turns passwords off only once confirmed', async () => {
    const puts = stubServer({
      passwords: true,
      sso: { label: 'District Login', allowedDomains: ['lincoln.example'] },
      outsideDomains: [{ id: 'u1', name: 'Jo Outside', email: 'jo@gmail.example' }],
    });
    render(<SignInSettingsPanel />);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn passwords off' }));
    expect(await screen.findByText(/This person will no longer be able to sign in/)).toBeTruthy();
    expect(screen.getByText('Jo Outside (jo@gmail.example)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(puts).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Turn passwords off' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(dialog.querySelector('.button.primary')!);
    await waitFor(() => expect(puts).toEqual([false]));
    expect(await screen.findByRole('button', { name: 'Turn passwords back on' })).toBeTruthy();
  });

  it('offers no switch without single sign-on', async () => {
    stubServer({ passwords: true, sso: null, outsideDomains: [] });
    render(<SignInSettingsPanel />);
    expect(
      await screen.findByText(/Passwords stay on until single sign-on is set up/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Turn passwords off' })).toBeNull();
  });
});
