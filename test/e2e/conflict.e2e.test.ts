import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './support/browser';
import { captureObservation } from './support/capture';
import { addSchool, signUpFirstAdmin } from './support/account';
import { startServer, type E2eServer } from './support/server';

const shots = 'test-results/screenshots';

describe('two devices, one note', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await signUpFirstAdmin(page, server);
    await addSchool(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('shows both versions and keeps the one the user chooses, everywhere', async () => {
    await captureObservation(page, {
      school: 'Lincoln Elementary',
      room: '118',
      grade: 'Grade K-2',
      subject: 'Reading',
      observer: 'Coach Rivera',
      answers: [{ lookFor: 'Students ask questions of the teacher or each other', answer: 'Seen' }],
      notes: 'Read-aloud with partner talk.',
      draft: true,
    });
    await page.getByText(/All synced/).waitFor({ timeout: 30_000 });
    const [row] = server.query<{ entity_id: string; data: string }>(
      'select entity_id, data from records',
    );
    const original = JSON.parse(row!.data) as Record<string, unknown>;

    // Another device changes the same note first.
    const other = crypto.randomUUID();
    // The same coach's other device, signed in with the same session.
    const res = await page.request.post(`${server.url}/api/sync/push`, {
      headers: { 'content-type': 'application/json' },
      data: JSON.stringify({
        clientId: other,
        mutations: [
          {
            mutationId: crypto.randomUUID(),
            clientId: other,
            clientSeq: 1,
            entity: 'observation',
            entityId: row!.entity_id,
            op: 'put',
            baseRev: 1,
            data: {
              ...original,
              notes: 'From the principal’s iPad: 3 of 5 pairs retold the story.',
            },
            deviceTime: new Date().toISOString(),
          },
        ],
      }),
    });
    expect(res.status()).toBe(200);

    // This device edits its copy, still based on revision 1.
    await page.getByText('Room 118 · Grade K-2 · Reading').click();
    const notes = page.getByLabel('Low-inference notes');
    await notes.fill('Read-aloud with partner talk; two pairs used sentence stems.');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page
      .getByText('This observation was changed on two devices')
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${shots}/conflict-landscape.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(server.query('select * from conflicts')).toHaveLength(1);
    // Editing waits for the choice, and the box shows the version now current.
    // (The notice can show a moment before the pulled version reaches the box.)
    await expect
      .poll(() => notes.inputValue(), { timeout: 30_000 })
      .toContain('From the principal');
    await expect.poll(() => notes.getAttribute('readonly')).not.toBeNull();

    await page.getByRole('button', { name: 'Keep this version' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/All synced/).waitFor({ timeout: 30_000 });
    await page
      .getByText('This observation was changed on two devices')
      .waitFor({ state: 'detached' });

    const [settled] = server.query<{ data: string; rev: number }>('select data, rev from records');
    expect(settled?.rev).toBe(3);
    expect(JSON.parse(settled!.data)).toMatchObject({
      notes: 'Read-aloud with partner talk; two pairs used sentence stems.',
    });
    expect(
      server.query<{ resolved_at: string | null }>('select resolved_at from conflicts')[0]
        ?.resolved_at,
    ).not.toBeNull();
  });
});
