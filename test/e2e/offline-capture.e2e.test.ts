import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { captureObservation } from './support/capture';
import { addSchool, signUpFirstAdmin } from './support/account';
import { startServer, type E2eServer } from './support/server';

describe('capturing with no network', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.dispose();
  });

  it('keeps a note taken offline across pages and syncs it exactly once when the network returns', async () => {
    // First visit, online: the service worker installs and caches the app shell.
    const first = await context.newPage();
    await signUpFirstAdmin(first, server);
    await addSchool(first);
    await first.getByText('Ready to work offline').waitFor({ timeout: 30_000 });
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await first.getByText(/All synced/).waitFor();

    // Cut the network for real: the server is gone, so the worker cannot reach it either.
    await server.stop();
    await context.setOffline(true);
    await first.reload();
    await first.getByRole('heading', { name: 'My observations' }).waitFor();
    await first.getByText('Offline').first().waitFor();
    // The cached shell answers navigations, never API requests.
    const api = await first.evaluate(() =>
      fetch('/api/health').then(
        (r) => r.headers.get('content-type'),
        () => 'network error',
      ),
    );
    expect(api).toBe('network error');

    await captureObservation(first, {
      school: 'Lincoln Elementary',
      room: '114',
      grade: 'Grade 3-5',
      subject: 'Math',
      observer: 'Coach Rivera',
      answers: [
        {
          lookFor: 'The learning target is posted or stated in student-friendly words',
          answer: 'Seen',
        },
        { lookFor: 'Students explain their thinking to a peer', answer: 'Seen' },
        {
          lookFor: 'Students make a choice about how they learn or show learning',
          answer: 'Not seen',
        },
      ],
      notes: 'Table 3 compared two strategies for 48 ÷ 6 and explained them to each other.',
    });
    await expect(first.getByTestId('sync-status').textContent()).resolves.toContain(
      '1 note waiting',
    );
    await first.close();

    // A new page, still offline: the note is there, from IndexedDB, in the cached shell.
    const second = await context.newPage();
    await second.goto(server.url);
    await second.getByText('Room 114 · Grade 3-5 · Math').waitFor();
    await second.getByText('Waiting to sync').waitFor();
    expect(server.query('select * from records')).toHaveLength(0);

    // The network returns: sync starts from the `online` event, with no reload.
    await server.start();
    await context.setOffline(false);
    await second.getByText(/All synced/).waitFor({ timeout: 30_000 });
    // The note's own badge (the bar's sync chip says "Synced" too).
    await second.getByTestId('observation-row').getByText('Synced', { exact: true }).waitFor();

    const rows = server.query<{ entity_id: string; data: string; rev: number }>(
      'select entity_id, data, rev from records',
    );
    expect(rows).toHaveLength(1);
    const stored = JSON.parse(rows[0]!.data) as Record<string, unknown>;
    expect(stored).toMatchObject({
      room: '114',
      gradeBand: '3-5',
      subject: 'Math',
      status: 'complete',
      notes: 'Table 3 compared two strategies for 48 ÷ 6 and explained them to each other.',
      responses: {
        'learning-target-visible': 'seen',
        'students-talk-to-peer': 'seen',
        'students-choose': 'not_seen',
      },
    });
    expect(server.query('select * from conflicts')).toHaveLength(0);
  });
});
