// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LookforDb } from '../../../src/client/data/db';
import { writeRecord } from '../../../src/client/data/write-record';
import { observation, TEST_USER_ID } from '../../support/factories';
import { renderApp } from '../../support/render-app';
import { signedInCookie, startTestServer, type TestServer } from '../../support/server-app';

let db: LookforDb;
let server: TestServer;
let requests: string[];

/** The app's requests reach the real server in-process, signed in as the test user. */
function connect(cookie: string) {
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(`${init?.method ?? 'GET'} ${url}`);
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    return server.app.request(url, { ...init, headers });
  });
}

const sessions = async () =>
  (await server.db.db.selectFrom('sessions').select('user_id').execute()).length;

beforeEach(async () => {
  requests = [];
  server = await startTestServer('sqlite');
  // Two devices of the same person: this tablet, and a laptop at home.
  connect(await server.cookie());
  await signedInCookie(server.db.db, { id: TEST_USER_ID });
  await set('lookfor-account', { saved: true });
});
afterEach(async () => {
  cleanup();
  db?.close();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await server.db.dispose();
});

async function unsyncedNote() {
  await writeRecord(db, 'observation', crypto.randomUUID(), observation(), {
    now: new Date('2026-11-23T09:00:00Z'),
  });
}

/** The ways out live in the account menu in the top bar: open it, then tap. */
async function fromAccountMenu(action: 'Sign out' | 'Sign out everywhere') {
  fireEvent.click(await screen.findByRole('button', { name: /^Account:/ }));
  const menu = document.getElementById('account-menu')!;
  fireEvent.click(within(menu).getByRole('button', { name: action }));
}

describe('signing out everywhere', () => {
  it('warns about unsynced notes, offers them as a file, then ends every session', async () => {
    ({ db } = renderApp('#/'));
    await unsyncedNote();
    expect(await sessions()).toBe(2);

    await fromAccountMenu('Sign out everywhere');
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('1 note has not reached the server yet');
    expect(dialog.textContent).toContain('Your other devices are signed out too');
    expect(within(dialog).getByRole('button', { name: 'Export unsent notes' })).toBeTruthy();
    expect(requests).toEqual([]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(async () => expect(await sessions()).toBe(0));
    expect(requests).toContain('POST /api/auth/logout-everywhere');
    await waitFor(async () => expect(await get('lookfor-account')).toBeUndefined());
    // The note itself stays on the device, waiting for the next sign-in.
    expect(await db.outbox.count()).toBe(1);
  });

  it('cancels without signing anyone out', async () => {
    ({ db } = renderApp('#/'));
    await unsyncedNote();
    await fromAccountMenu('Sign out everywhere');
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(await sessions()).toBe(2);
    expect(await get('lookfor-account')).toEqual({ saved: true });
  });

  it('signs out everywhere at once when every note is on the server', async () => {
    ({ db } = renderApp('#/'));
    await fromAccountMenu('Sign out everywhere');
    await waitFor(async () => expect(await sessions()).toBe(0));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('stays signed in, and says so, when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    ({ db } = renderApp('#/'));
    await fromAccountMenu('Sign out everywhere');
    expect((await screen.findByRole('alert')).textContent).toContain('Not signed out anywhere');
    expect(await get('lookfor-account')).toEqual({ saved: true });
    expect(await sessions()).toBe(2);
  });

  it('keeps plain sign-out to this device only', async () => {
    ({ db } = renderApp('#/'));
    await fromAccountMenu('Sign out');
    await waitFor(async () => expect(await sessions()).toBe(1));
    expect(requests).toEqual(['POST /api/auth/logout']);
  });
});
