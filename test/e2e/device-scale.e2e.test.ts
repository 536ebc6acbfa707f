import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './support/browser';
import { addSchool, signUpFirstAdmin } from './support/account';
import { startServer, type E2eServer } from './support/server';
import { schoolIdOf, smallTargets } from './support/visit-people';

const shots = 'test-results/screenshots';
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
] as const;
const NOTES = 400;

interface Seed {
  schools: Array<{ id: string; name: string }>;
  count: number;
  pullProgress: { cursor: number; latest: number } | null;
}

/**
 * Stores notes straight into this device's database, as a pull would have left
 * them (synced, rev 1): a coach's few months of walkthroughs, newest first.
 */
async function seedDevice(page: Page, seed: Seed): Promise<void> {
  await page.evaluate(async ({ schools, count, pullProgress }) => {
    const name = (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .find((n) => n.startsWith('lookfor-'));
    if (!name) throw new Error('no device database');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['records', 'meta'], 'readwrite');
    const records = tx.objectStore('records');
    const subjects = ['Math', 'Reading', 'Science', 'Writing', 'Art'];
    const grades = ['K-2', '3-5', '6-8', 'Mixed'];
    for (let i = 0; i < count; i += 1) {
      const school = schools[i % schools.length]!;
      const started = new Date(Date.UTC(2026, 10, 27, 15, 0) - i * 3 * 3600_000);
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      records.put({
        entity: 'observation',
        id,
        rev: 1,
        deleted: 0,
        updatedAt: started.toISOString(),
        data: {
          id,
          protocolId: 'blast-empowered-learning',
          protocolVersion: 1,
          observerId: '00000000-0000-4000-8000-00000000abcd',
          schoolId: school.id,
          school: school.name,
          room: String(100 + (i % 40)),
          gradeBand: grades[i % grades.length],
          subject: subjects[i % subjects.length],
          observer: 'Dana Admin',
          startedAt: started.toISOString(),
          endedAt: i < 2 ? null : new Date(started.getTime() + 6 * 60_000).toISOString(),
          responses: { 'learning-target-visible': 'seen' },
          notes: 'Pairs compared two strategies.',
          status: i < 2 ? 'draft' : 'complete',
        },
      });
    }
    const meta = tx.objectStore('meta');
    if (pullProgress) meta.put({ key: 'pullProgress', value: pullProgress });
    else meta.delete('pullProgress');
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, seed);
}

describe.each(sizes)('the observations list with hundreds of notes at $width x $height', (size) => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let schools: Seed['schools'];
  const tag = `${size.width}x${size.height}`;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: size });
    await signUpFirstAdmin(page, server);
    await addSchool(page);
    await addSchool(page, 'Washington Middle');
    await page.getByText('Ready to work offline').waitFor({ timeout: 30_000 });
    schools = await Promise.all(
      ['Lincoln Elementary', 'Washington Middle'].map(async (name) => ({
        id: await schoolIdOf(page, server, name),
        name,
      })),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const rows = () => page.getByTestId('observation-row');

  it('puts the newest 50 rows in the page and adds 50 more on "Show more"', async () => {
    await seedDevice(page, { schools, count: NOTES, pullProgress: null });
    await page.reload();
    await page.locator('[data-testid="observations"][data-ready="true"]').waitFor();
    expect(await rows().count()).toBe(50);
    await expect(rows().first().textContent()).resolves.toContain('Draft');
    expect(await smallTargets(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/observations-list-${tag}.png` });

    await page.getByRole('button', { name: 'Show more' }).click();
    await rows().nth(99).waitFor();
    expect(await rows().count()).toBe(100);
  });

  it('filters by school with large targets', async () => {
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByLabel('School').selectOption({ label: 'Washington Middle' });
    await page.getByRole('button', { name: 'Filters (1)' }).waitFor();
    await page.locator('[data-testid="observations"][data-ready="true"]').waitFor();
    await expect(rows().first().textContent()).resolves.toContain('Washington Middle');
    expect(await rows().filter({ hasText: 'Lincoln Elementary' }).count()).toBe(0);
    expect(await rows().count()).toBe(50);
    expect(await smallTargets(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/observations-list-filtered-${tag}.png` });
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('says how far a first pull has come, with the notes already here listed', async () => {
    await seedDevice(page, { schools, count: 60, pullProgress: { cursor: 1200, latest: 4000 } });
    // Offline, so no pull can finish meanwhile and clear the row: the app opens from its cache.
    await server.stop();
    await page.reload();
    await page.getByTestId('pull-progress').getByText('Fetching your notes… 30%').waitFor();
    await rows().first().waitFor();
    await page.screenshot({ path: `${shots}/observations-list-fetching-${tag}.png` });
  });
});
