// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LookforDb } from '../../../../src/client/data/db';
import { writeRecord } from '../../../../src/client/data/write-record';
import { observation } from '../../../support/factories';
import { renderApp } from '../../../support/render-app';

let db: LookforDb;
afterEach(() => {
  cleanup();
  db?.close();
});

async function unsyncedNote() {
  await writeRecord(db, 'observation', crypto.randomUUID(), observation(), {
    now: new Date('2026-11-23T09:00:00Z'),
  });
}

describe('the sync chip', () => {
  it('shows a word or two, announces the whole status, and opens the details', async () => {
    ({ db } = renderApp('#/'));
    await unsyncedNote();
    const chip = await screen.findByRole('button', { name: /^Sync status:/ });
    await waitFor(() => expect(chip.textContent).toContain('Offline · 1'));
    expect(screen.getByRole('status').textContent).toBe(
      'Offline. 1 note waiting, safe on this device',
    );
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    // Closed, the details are not on the page: no second copy of the status, no export.
    expect(screen.queryByRole('button', { name: 'Export unsent' })).toBeNull();

    fireEvent.click(chip);
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById('sync-details')!;
    expect(details.hidden).toBe(false);
    expect(details.textContent).toContain('Offline. 1 note waiting, safe on this device');
    expect(details.textContent).toContain('Oldest unsent note saved 30 min ago');
    expect(within(details).getByRole('button', { name: 'Export unsent' })).toBeTruthy();
  });

  it('closes its details on Escape and gives focus back to the chip', async () => {
    ({ db } = renderApp('#/'));
    const chip = await screen.findByRole('button', { name: /^Sync status:/ });
    fireEvent.click(chip);
    expect(document.getElementById('sync-details')!.hidden).toBe(false);
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(document.getElementById('sync-details')!.hidden).toBe(true));
    expect(document.activeElement).toBe(chip);
  });

  it('keeps "Sync now" one tap away, beside the chip', async () => {
    ({ db } = renderApp('#/'));
    expect(await screen.findByRole('button', { name: 'Sync now' })).toBeTruthy();
  });
});

describe('the account menu', () => {
  it('holds My data and the ways out, out of the bar until opened', async () => {
    ({ db } = renderApp('#/'));
    const button = await screen.findByRole('button', { name: 'Account: Coach Rivera' });
    expect(button.textContent).toContain('CR');
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out everywhere' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'My data' })).toBeNull();

    fireEvent.click(button);
    const menu = document.getElementById('account-menu')!;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(menu.textContent).toContain('rivera@lookfor.test');
    expect(within(menu).getByRole('link', { name: 'My data' }).getAttribute('href')).toBe(
      '/api/me/export',
    );
    expect(within(menu).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(within(menu).getByRole('button', { name: 'Sign out everywhere' })).toBeTruthy();
  });

  it('closes when a tap lands outside it', async () => {
    ({ db } = renderApp('#/'));
    fireEvent.click(await screen.findByRole('button', { name: /^Account:/ }));
    expect(document.getElementById('account-menu')!.hidden).toBe(false);
    fireEvent.pointerDown(document.body);
    await waitFor(() => expect(document.getElementById('account-menu')!.hidden).toBe(true));
  });
});

describe('the shell', () => {
  it('starts with a skip link that moves focus to the screen, not the route', async () => {
    ({ db } = renderApp('#/'));
    await screen.findByRole('heading', { name: 'My observations' });
    const first = document.querySelector('a[href], button, input, select, textarea');
    expect(first?.textContent).toBe('Skip to content');
    fireEvent.click(first!);
    expect(document.activeElement?.id).toBe('content');
    expect(window.location.hash).toBe('#/');
  });
});
