// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ForgotPasswordScreen,
  ResetPasswordScreen,
} from '../../../../src/client/ui/account/PasswordResetScreens';

const answer = (status: number, body: unknown) =>
  vi.fn(async (_url: string, _init?: RequestInit) =>
    Response.json(body, { status, headers: { 'content-type': 'application/json' } }),
  );

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the password reset screens', () => {
  it('asks for a link by email and says the same whatever the address', async () => {
    const fetch = answer(200, { ok: true, emailOn: true });
    vi.stubGlobal('fetch', fetch);
    render(<ForgotPasswordScreen />);
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ana@district.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a link' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'If an account has that email, a link to choose a new password is on its way.',
    );
    expect(fetch.mock.calls[0]![0]).toBe('/api/auth/password-reset');
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body))).toEqual({
      email: 'ana@district.example',
    });
  });

  it('says when email is off on the server', async () => {
    vi.stubGlobal('fetch', answer(200, { ok: true, emailOn: false }));
    render(<ForgotPasswordScreen />);
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ana@district.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Email me a link' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'Email is off on this server',
    );
  });

  it('sets a new password from the link, then sends the person to sign in', async () => {
    const fetch = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    render(<ResetPasswordScreen token={'t'.repeat(43)} />);
    fireEvent.input(screen.getByLabelText('New password (at least 10 characters)'), {
      target: { value: 'a brand new password' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save new password' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'every device was signed out',
    );
    expect(screen.getByRole('link', { name: 'Back to sign in' }).getAttribute('href')).toBe(
      '#/signin',
    );
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body))).toEqual({
      token: 't'.repeat(43),
      password: 'a brand new password',
    });
  });

  it('shows why a used or expired link is refused', async () => {
    vi.stubGlobal(
      'fetch',
      answer(409, {
        error: {
          code: 'conflict',
          message: 'This reset link was used already, has expired or is not valid',
        },
      }),
    );
    render(<ResetPasswordScreen token={'t'.repeat(43)} />);
    fireEvent.input(screen.getByLabelText('New password (at least 10 characters)'), {
      target: { value: 'a brand new password' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save new password' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This reset link was used already',
    );
  });
});
