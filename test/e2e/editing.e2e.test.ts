import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './support/browser';
import { addSchool, signUpFirstAdmin } from './support/account';
import {
  asAction,
  headerHeight,
  horizontalOverflow,
  smallTargets,
  unexpectedShifts,
} from './support/layout';
import { startServer, type E2eServer } from './support/server';

const serious = (page: Page) =>
  axeViolations(page).then((all) =>
    all.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  );

/** The same checks every screen gets: one short bar, no overflow, big targets, no shift. */
async function checkLayout(page: Page) {
  expect(await headerHeight(page)).toBeLessThanOrEqual(64);
  expect(await horizontalOverflow(page)).toBe(0);
  expect(await smallTargets(page)).toEqual([]);
  expect(await unexpectedShifts(page)).toEqual([]);
  expect(await serious(page)).toEqual([]);
}

describe.each([
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
])('editing a protocol without fear at $width x $height', (viewport) => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport });
    page = await context.newPage();
    await signUpFirstAdmin(page, server);
    await addSchool(page);
    // A fresh document: the checks below measure the editor's layout shifts, not the
    // admin screen's panels arriving during set-up.
    await page.goto('about:blank');
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'My observations' }).waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.dispose();
  });

  it('undoes a deleted look-for and asks before publishing', async () => {
    await asAction(page, async () => {
      await page.getByRole('link', { name: 'Protocols', exact: true }).click();
      await page.getByLabel('New protocol name').waitFor();
    });
    await page.getByLabel('New protocol name').fill('Careful edits');
    await asAction(page, async () => {
      await page.getByRole('button', { name: 'Create protocol' }).click();
      await page.getByRole('button', { name: 'Publish version 1' }).waitFor();
    });
    await page.getByLabel('Section title').fill('Students doing');
    const texts = () =>
      page
        .getByLabel('What to look for')
        .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    // Each tap's re-render lands when the draft is stored: on a loaded machine that can
    // be later than Chromium's 500 ms "recent input", so the tap and its result are
    // marked as one action.
    await asAction(page, async () => {
      await page.getByRole('button', { name: 'Add look-for' }).click();
      await expect.poll(texts, { timeout: 10_000 }).toHaveLength(1);
    });
    await page.getByLabel('What to look for').first().fill('Students talk to a peer');
    await asAction(page, async () => {
      await page.getByRole('button', { name: 'Add look-for' }).click();
      await expect.poll(texts, { timeout: 10_000 }).toHaveLength(2);
    });
    await page.getByLabel('What to look for').nth(1).fill('Students use a checklist');
    await expect
      .poll(texts, { timeout: 10_000 })
      .toEqual(['Students talk to a peer', 'Students use a checklist']);

    // Delete the first, then take it back from the toast.
    const toast = page.locator('.undo-toast');
    await asAction(page, async () => {
      await page.getByRole('button', { name: 'Delete look-for 1' }).click();
      await expect.poll(texts, { timeout: 10_000 }).toEqual(['Students use a checklist']);
      await toast.getByText('Deleted look-for 1, "Students talk to a peer"').waitFor();
    });
    await checkLayout(page);
    await asAction(page, async () => {
      await toast.getByRole('button', { name: 'Undo' }).click();
      await expect
        .poll(texts, { timeout: 10_000 })
        .toEqual(['Students talk to a peer', 'Students use a checklist']);
      await toast.waitFor({ state: 'detached' });
    });

    // Publishing asks first, and says what cannot be undone.
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish version 1?' });
    await dialog.getByText(/cannot be undone/).waitFor();
    await checkLayout(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByText('Published version 1').count()).toBe(0);

    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await asAction(page, async () => {
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText('Published version 1. Observers can use it now.').waitFor();
    });
    await checkLayout(page);
  });
});
