import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDir, rosterFixture } from '../support/oneroster-fixtures';
import { signUpFirstAdmin } from './support/account';
import { axeViolations, launchChromium } from './support/browser';
import { horizontalOverflow, smallTargets } from './support/layout';
import { startServer, type E2eServer } from './support/server';

const shots = 'test-results/screenshots';

describe('a district admin imports a OneRoster export', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.dispose();
  });

  const section = () => page.locator('section.oneroster');
  const check = async (name: string) => {
    for (const size of [
      { width: 1024, height: 768 },
      { width: 768, height: 1024 },
    ]) {
      await page.setViewportSize(size);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await smallTargets(page)).toEqual([]);
      await section().screenshot({ path: `${shots}/${name}-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await axeViolations(page)).toEqual([]);
  };

  it('sees the dry run, imports, then re-imports a changed export as updates', async () => {
    await signUpFirstAdmin(page, server);
    await page.getByRole('link', { name: 'Admin' }).click();
    const picker = section().locator('#oneroster-files');
    await picker.waitFor({ state: 'attached' });

    // The bulk export's CSV files, chosen together.
    const dir = fixtureDir('bulk');
    await picker.setInputFiles(readdirSync(dir).map((f) => join(dir, f)));
    await section().getByText('Dry run: nothing is written yet').waitFor();
    const counts = section().getByRole('list', { name: 'Dry run summary' });
    expect(await counts.textContent()).toContain('3 to add');
    expect(await counts.textContent()).toContain('3 students and families skipped');
    await check('oneroster-dry-run');

    await section().getByRole('button', { name: 'Import' }).click();
    await section().getByText('Imported: 3 added, 0 changed, 0 deactivated.').waitFor();
    await page.locator('.school-list li', { hasText: 'Adams Middle' }).waitFor();
    await check('oneroster-imported');

    // The changed export, as the SIS's zip.
    const zipPath = join(mkdtempSync(join(tmpdir(), 'oneroster-')), 'export.zip');
    const files = rosterFixture('bulk-changed');
    writeFileSync(
      zipPath,
      zipSync(
        Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
      ),
    );
    await picker.setInputFiles(zipPath);
    await section().getByText('Dry run: nothing is written yet').waitFor();
    const summary = await counts.textContent();
    expect(summary).toContain('1 to add');
    expect(summary).toContain('2 to change');
    expect(summary).toContain('1 to deactivate');
    await section()
      .getByText(/Ana Lopez: name: Ana Diaz → Ana Lopez/)
      .waitFor();
    await check('oneroster-changed');

    await section().getByRole('button', { name: 'Import' }).click();
    await section().getByText('Imported: 1 added, 2 changed, 1 deactivated.').waitFor();
    await page.locator('.school-list li', { hasText: 'Adams Middle School' }).waitFor();
    expect(await page.locator('.school-list li').allTextContents()).toEqual([
      'Adams Middle School',
      'Lincoln Elementary',
    ]);
  });
});
