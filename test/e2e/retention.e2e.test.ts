import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSchool, signUpFirstAdmin } from './support/account';
import { axeViolations, launchChromium } from './support/browser';
import { horizontalOverflow, smallTargets } from './support/layout';
import { startServer, type E2eServer } from './support/server';

const screens = 'docs/screens';
const LEAVER = {
  name: 'Lee Leaver',
  email: 'lee@lincoln.example',
  password: 'a long secret phrase',
};

describe('retention and deleting a person’s data', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let leaver: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    admin = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    leaver = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    page = await admin.newPage();
  });
  afterAll(async () => {
    await admin?.close();
    await leaver?.close();
    await browser?.close();
    await server?.dispose();
  });

  /** Both tablet sizes; the whole page, or (for a dialog) the screen as the person sees it. */
  const shoot = async (name: string, check: () => Promise<void>, fullPage = true) => {
    for (const size of [
      { width: 1024, height: 768 },
      { width: 768, height: 1024 },
    ]) {
      await page.setViewportSize(size);
      await check();
      if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: `${screens}/${name}-${size.width}x${size.height}.png`,
        fullPage,
      });
    }
    await page.setViewportSize({ width: 1024, height: 768 });
  };
  const layoutIsSound = async () => {
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await smallTargets(page)).toEqual([]);
  };

  it('lets a district admin set how long data is kept, with a clear message for a bad number', async () => {
    await signUpFirstAdmin(page, server);
    await addSchool(page);
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    const form = page.locator('section[aria-labelledby="retention-title"]');
    const photos = form.getByLabel('Photos (days)');
    await expect.poll(() => photos.inputValue()).toBe('365');

    await form.getByLabel('Peer notes (days)').fill('10');
    await form.getByRole('button', { name: 'Save retention' }).click();
    await form.getByText('Peer notes are kept at least 30 days').waitFor();

    await form.getByLabel('Peer notes (days)').fill('180');
    await photos.fill('90');
    await form.getByRole('button', { name: 'Save retention' }).click();
    await form.getByText('Saved.').waitFor();
    const saved = await page.request.get(`${server.url}/api/settings/retention`);
    expect(await saved.json()).toEqual({
      observationDays: 1_095,
      peerNoteDays: 180,
      photoDays: 90,
      auditDays: 1_095,
    });

    await shoot('admin-retention', layoutIsSound);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("deletes a person's data after a confirmation, signs them out and logs it", async () => {
    const schools = (await (await page.request.get(`${server.url}/api/admin/schools`)).json()) as {
      schools: Array<{ id: string }>;
    };
    const made = await page.request.post(`${server.url}/api/admin/invites`, {
      data: { schoolId: schools.schools[0]!.id, role: 'teacher', email: LEAVER.email },
    });
    const { link } = (await made.json()) as { link: string };
    const leaverPage = await leaver.newPage();
    await leaverPage.goto(`${server.url}${link}`);
    await leaverPage.getByLabel('Your name').fill(LEAVER.name);
    await leaverPage.getByLabel('Email').fill(LEAVER.email);
    await leaverPage.getByLabel(/^Password/).fill(LEAVER.password);
    await leaverPage.getByRole('button', { name: 'Create account' }).click();
    await leaverPage.getByRole('heading', { name: 'My observations' }).waitFor();

    await page.getByRole('link', { name: 'Observations' }).click();
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    const staff = page.locator('section.staff-directory');
    await staff.locator('strong', { hasText: LEAVER.name }).waitFor();
    await staff.getByRole('button', { name: `Delete data of ${LEAVER.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${LEAVER.name}'s data?` });
    await dialog.waitFor();
    await shoot('admin-erase-confirm', layoutIsSound, false);
    expect(await axeViolations(page)).toEqual([]);

    // Cancel first: nothing happens.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await leaverPage.request.get(`${server.url}/api/auth/me`)).status()).toBe(200);

    await staff.getByRole('button', { name: `Delete data of ${LEAVER.name}` }).click();
    await dialog.getByRole('button', { name: 'Delete their data' }).click();
    await staff.getByText(`${LEAVER.name}'s data is deleted:`, { exact: false }).waitFor();
    await staff.locator('strong', { hasText: LEAVER.name }).waitFor({ state: 'detached' });
    expect((await leaverPage.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);

    const audit = page.locator('section.audit-log');
    await audit.getByRole('button', { name: 'Show entries' }).click();
    await audit.getByRole('cell', { name: "Person's data deleted on request" }).waitFor();
    await audit.getByRole('cell', { name: 'Retention periods changed' }).waitFor();
  });
});
