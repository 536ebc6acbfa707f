import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSchool, signUpFirstAdmin } from './support/account';
import { axeViolations, launchChromium } from './support/browser';
import {
  asAction,
  headerHeight,
  horizontalOverflow,
  smallTargets,
  unexpectedShifts,
} from './support/layout';
import { startServer, type E2eServer } from './support/server';
import { waitForAllSynced } from './support/sync';

const shots = 'docs/screens';
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
] as const;

describe('the tablet shell', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: sizes[0] });
    await signUpFirstAdmin(page, server);
    await addSchool(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  describe.each(sizes)('at $width x $height', (size) => {
    const heights: Record<string, number> = {};

    /** What every screen owes a tablet: a short bar, no sideways scroll, big targets, axe. */
    async function check(screen: string, shot = false) {
      if (shot) {
        await page.screenshot({
          path: `${shots}/shell-${screen}-${size.width}x${size.height}.png`,
        });
      }
      heights[screen] = await headerHeight(page);
      expect(heights[screen], `${screen}: header height`).toBeLessThanOrEqual(64);
      expect(await horizontalOverflow(page), `${screen}: overflow`).toBeLessThanOrEqual(0);
      expect(await smallTargets(page), `${screen}: small targets`).toEqual([]);
      const serious = (await axeViolations(page)).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(serious, `${screen}: axe`).toEqual([]);
    }

    /** A fresh document (a hash change alone keeps the old one, and its layout shifts). */
    const load = async (hash: string) => {
      await page.goto('about:blank');
      await page.goto(`${server.url}/${hash}`);
    };

    const open = async (link: string, heading: string | RegExp) => {
      await asAction(page, async () => {
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: link })
          .click();
        await page.getByRole('heading', { level: 2, name: heading }).first().waitFor();
      });
    };

    it('keeps one short bar on every main screen, with no layout shift', async () => {
      await page.setViewportSize(size);
      await load('#/');
      await page.getByRole('heading', { name: 'My observations' }).waitFor();
      await check('list', true);

      await open('Rounds', 'Blast Walkthrough rounds');
      await check('rounds');
      await open('Protocols', 'Protocols');
      await check('protocols');
      await open('Visits', 'Visits');
      await check('visits');
      await open('Results', 'Results');
      await check('results');

      await open('Observations', 'My observations');
      await asAction(page, async () => {
        await page.getByRole('link', { name: 'Start an observation' }).click();
        await page.getByLabel('School').waitFor();
      });
      await page.getByLabel('School').selectOption({ label: 'Lincoln Elementary' });
      await page.getByLabel('Room', { exact: true }).fill('12');
      await page.getByText('Grade 3-5', { exact: true }).click();
      await page.getByLabel('Subject').fill('Math');
      await page.getByLabel('Observer (your name)').fill('Ms. Okafor');
      // Each tap and the screen it leads to are one action (see asAction).
      await asAction(page, async () => {
        await page.getByRole('button', { name: 'Start', exact: true }).click();
        await page.getByRole('heading', { name: /Room 12/ }).waitFor();
      });
      await asAction(page, async () => {
        await page
          .getByRole('group', { name: 'Students explain their thinking to a peer' })
          .getByRole('button', { name: 'Seen', exact: true })
          .click();
        await page.getByText('1 of 8 look-fors answered').waitFor();
      });
      await check('capture', true);

      // After finishing, focus lands on the list's heading, not on the document start.
      await asAction(page, async () => {
        await page.getByRole('button', { name: 'Finish observation' }).click();
        await page.getByRole('heading', { name: 'My observations' }).waitFor();
      });
      await page.waitForFunction(() => document.activeElement?.textContent === 'My observations');

      // The sync text changes (syncing, then synced) while the bar keeps its height.
      await waitForAllSynced(page);
      expect(await headerHeight(page)).toBe(heights.list);
      expect(await unexpectedShifts(page)).toEqual([]);
    });

    it('opens the sync details and the account menu from the bar', async () => {
      await page.getByRole('button', { name: /^Sync status/ }).click();
      await page
        .locator('#sync-details')
        .getByText(/saved on this device first/)
        .waitFor();
      await check('sync-details', true);
      await page.keyboard.press('Escape');
      await expect(page.locator('#sync-details').isHidden()).resolves.toBe(true);

      await page.getByRole('button', { name: /^Account/ }).click();
      const menu = page.locator('#account-menu');
      await menu.getByRole('button', { name: 'Sign out everywhere' }).waitFor();
      await menu.getByRole('link', { name: 'My data' }).waitFor();
      await check('account-menu', true);
      await page.keyboard.press('Escape');
      await expect(menu.isHidden()).resolves.toBe(true);
    });

    it('offers "Skip to content" as the first stop of the Tab key', async () => {
      await load('#/rounds');
      await page.getByRole('heading', { name: 'Blast Walkthrough rounds' }).waitFor();
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
        'Skip to content',
      );
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('content');
      await expect(page.evaluate(() => location.hash)).resolves.toBe('#/rounds');
      console.log(`header heights at ${size.width}x${size.height}:`, JSON.stringify(heights));
    });
  });
});
