import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { addSchool, signUpFirstAdmin } from './support/account';
import { startServer, type E2eServer } from './support/server';

describe('updating the app', () => {
  let server: E2eServer;
  let browser: Browser;
  let dist: string;

  beforeAll(async () => {
    // A copy of the build that the test can turn into "the next release".
    dist = mkdtempSync(join(tmpdir(), 'lookfor-dist-'));
    cpSync('dist', dist, { recursive: true });
    server = await startServer({ distDir: dist });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it('offers an update, waits for the user, and keeps a note typed just before it', async () => {
    const page = await browser.newPage({ viewport: { width: 768, height: 1024 } });
    await signUpFirstAdmin(page, server);
    await addSchool(page);
    await page.getByText('Ready to work offline').waitFor({ timeout: 30_000 });

    await page.getByRole('link', { name: 'Start an observation' }).click();
    await page.getByLabel('School').selectOption({ label: 'Lincoln Elementary' });
    await page.getByLabel('Room', { exact: true }).fill('301');
    await page.getByText('Grade 9-12', { exact: true }).click();
    await page.getByLabel('Subject').fill('History');
    await page.getByLabel('Observer (your name)').fill('Coach Rivera');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { name: /Room 301/ }).waitFor();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    // The next release appears on the server; the app checks when it becomes visible.
    appendFileSync(join(dist, 'sw.js'), '\n// next release\n');
    // As when the user comes back to the app, possibly more than once.
    await expect
      .poll(
        async () => {
          await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
          return page.getByText('Update available').isVisible();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(true)
      .catch(async (error: unknown) => {
        await page.screenshot({ path: 'test-results/update-failure.png', fullPage: true });
        throw error;
      });

    // Nothing reloads on its own.
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'same page',
    );

    const note = 'Students annotated primary sources in pairs.';
    await page.getByLabel('Low-inference notes').fill(note);
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Update now' }).click();
    await reloaded;

    await page.getByRole('heading', { name: /Room 301/ }).waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { marker?: string }).marker),
    ).toBeUndefined();
    await expect(page.getByLabel('Low-inference notes').inputValue()).resolves.toBe(note);
    const waiting = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.waiting ?? null;
    });
    expect(waiting).toBeNull();
  });

  it('never answers an API request with the app shell', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/api/health`);
    const body = await page.evaluate(() => document.body.innerText);
    expect(JSON.parse(body)).toMatchObject({ ok: true });
  });
});
