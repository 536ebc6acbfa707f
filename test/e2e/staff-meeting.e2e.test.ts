import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../scripts/demo/cli';
import { DEMO_PASSWORD } from '../../scripts/demo/people';
import { axeViolations, launchChromium } from './support/browser';
import { chartsDrawn, horizontalOverflow, smallTargets } from './support/layout';
import { startServer, type E2eServer } from './support/server';

const shots = 'docs/screens';
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
] as const;

/**
 * A principal brings the winter round of the demo district (12 look-fors) to a staff
 * meeting: sets a target, sees it on the chart, presents it on the projector with
 * the keyboard, and prints it on one page, on a tablet held either way.
 */
describe('results for a staff meeting', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer();
    await server.stop();
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    expect(await runDemo([], { DATA_DIR: server.dataDir }, out), lines.join('\n')).toBe(0);
    await server.start();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: sizes[0] });
    page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('Email').fill('principal.lincoln@demo.lookfor.example');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My observations' }).waitFor();
    await page.getByRole('link', { name: 'Results' }).click();
    await page
      .getByRole('heading', { name: /Lincoln Elementary · Winter Blast Walkthrough/ })
      .waitFor();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.dispose();
  });

  const seriousViolations = async () =>
    (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');

  async function checkLayout(where: string) {
    expect(await horizontalOverflow(page), where).toBe(0);
    expect(await smallTargets(page), where).toEqual([]);
    const violations = await seriousViolations();
    expect(violations, `${where}: ${JSON.stringify(violations)}`).toEqual([]);
  }

  it('lets the principal set a school-year target and shows it on the chart and in the table', async () => {
    await page.getByText('Set targets').click();
    await page
      .getByLabel('Look-for')
      .selectOption({ label: 'Students explain their thinking to a peer' });
    await page.getByLabel(/^School year/).check();
    await page.getByLabel('Target, percent of classrooms').fill('80');
    await page.getByRole('button', { name: 'Save target' }).click();
    await page.getByRole('status').filter({ hasText: 'Target saved.' }).waitFor();
    const row = page.locator('tr[data-look-for="students-talk-to-peer"]');
    await expect.poll(() => row.textContent()).toContain('80% (school year)');
    // The chart's key appears with the first target; the marker itself is drawn on the canvas.
    await page.locator('.chart-key').getByText('Target').waitFor();
    await page.getByText('Set targets').click();
    // A note for the staff view, so the print has shared evidence to show.
    await page
      .getByRole('button', { name: /^Share with staff:/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page
      .getByRole('button', { name: /^Remove from staff view:/ })
      .first()
      .waitFor();
  });

  for (const size of sizes) {
    const name = `${size.width}x${size.height}`;

    it(`fits the results at ${name}`, async () => {
      await page.setViewportSize(size);
      await chartsDrawn(page);
      // The top of the page: the leaders' evidence panel runs on for every note of 200 visits.
      await page.screenshot({ path: `${shots}/staff-meeting-results-${name}.png` });
      await checkLayout(`results at ${name}`);
    });

    it(`presents one look-for per slide and pages with the keyboard at ${name}`, async () => {
      await page.setViewportSize(size);
      await page.getByRole('button', { name: 'Present' }).click();
      const dialog = page.getByRole('dialog', { name: /Projector view/ });
      await dialog.waitFor();
      const heading = () => dialog.getByRole('heading', { level: 2 }).textContent();
      const count = () => dialog.locator('.projector-count').textContent();
      const first = await heading();
      expect(await count()).toMatch(/^Slide 1 of \d+$/);
      await page.keyboard.press('ArrowRight');
      await expect.poll(count).toMatch(/^Slide 2 of/);
      expect(await heading()).not.toBe(first);
      await page.keyboard.press('PageUp');
      await expect.poll(heading).toBe(first);
      await page.keyboard.press('End');
      const total = Number((await count())!.replace(/^Slide (\d+) of \d+$/, '$1'));
      expect(await count()).toBe(`Slide ${total} of ${total}`);
      await page.keyboard.press('Home');
      await page.keyboard.press('PageDown');
      await expect.poll(count).toMatch(/^Slide 2 of/);
      await page.screenshot({ path: `${shots}/staff-meeting-projector-${name}.png` });
      await checkLayout(`projector at ${name}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });

    it(`prints the purpose, dates, chart and shared evidence on one page at ${name}`, async () => {
      await page.setViewportSize(size);
      await page.emulateMedia({ media: 'print' });
      try {
        await page.locator('.print-summary').getByText('Evidence shared with staff').waitFor();
        expect(await page.locator('.print-summary li').count()).toBe(1);
        expect(await page.locator('.toasts').isVisible()).toBe(false);
        expect(await page.locator('.results-dates').textContent()).toMatch(/Purpose:/);
        expect(await page.locator('.results-chart canvas').isVisible()).toBe(true);
        await chartsDrawn(page);
        await page.screenshot({ path: `${shots}/staff-meeting-print-${name}.png`, fullPage: true });
        const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
        expect(pages.length).toBe(1);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });
  }
});
