import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSchool, signUpFirstAdmin } from './support/account';
import { axeViolations, launchChromium } from './support/browser';
import { startServer, type E2eServer } from './support/server';

const screens = 'docs/screens';
const TEACHER = {
  name: 'Tess Teacher',
  email: 'tess@lincoln.example',
  password: 'another long secret',
};
const LEAVER_INVITE = 'ana@lincoln.example';

describe('the staff directory and the audit log', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let teacher: BrowserContext;
  let page: Page;
  let teacherPage: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    admin = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      acceptDownloads: true,
    });
    teacher = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    page = await admin.newPage();
    teacherPage = await teacher.newPage();
  });
  afterAll(async () => {
    await admin?.close();
    await teacher?.close();
    await browser?.close();
    await server?.dispose();
  });

  const staffSection = () => page.locator('section.staff-directory');
  const shoot = async (name: string) => {
    for (const size of [
      { width: 1024, height: 768 },
      { width: 768, height: 1024 },
    ]) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: `${screens}/${name}-${size.width}x${size.height}.png`,
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1024, height: 768 });
  };

  it('lets an admin invite, revoke, change a role and deactivate a signed-in teacher', async () => {
    await signUpFirstAdmin(page, server);
    await addSchool(page);

    // A teacher joins through an invite and is signed in on another browser.
    const made = await page.request.post(`${server.url}/api/admin/invites`, {
      data: {
        schoolId: (
          (await (await page.request.get(`${server.url}/api/admin/schools`)).json()) as {
            schools: Array<{ id: string }>;
          }
        ).schools[0]!.id,
        role: 'teacher',
        email: TEACHER.email,
      },
    });
    const { link } = (await made.json()) as { link: string };
    await teacherPage.goto(`${server.url}${link}`);
    await teacherPage.getByLabel('Your name').fill(TEACHER.name);
    await teacherPage.getByLabel('Email').fill(TEACHER.email);
    await teacherPage.getByLabel(/^Password/).fill(TEACHER.password);
    await teacherPage.getByRole('button', { name: 'Create account' }).click();
    await teacherPage.getByRole('heading', { name: 'My observations' }).waitFor();

    // The admin invites someone else, who shows as pending, and revokes it.
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('textbox', { name: /^Email/ }).fill(LEAVER_INVITE);
    await page.getByRole('button', { name: 'Create invite link' }).click();
    await staffSection().getByText(LEAVER_INVITE, { exact: true }).waitFor();
    await staffSection().locator('strong', { hasText: TEACHER.name }).waitFor();
    await shoot('admin-staff');
    expect(await axeViolations(page)).toEqual([]);

    await staffSection()
      .getByRole('button', { name: `Revoke the invite to ${LEAVER_INVITE}` })
      .click();
    await staffSection()
      .getByText(/is revoked; its link no longer works/)
      .waitFor();
    // The message comes first; the directory is read again after it.
    await staffSection().getByText(LEAVER_INVITE, { exact: true }).waitFor({ state: 'detached' });
    expect(await staffSection().getByText(LEAVER_INVITE, { exact: true }).count()).toBe(0);

    // A role change.
    await staffSection().getByLabel(`Role of ${TEACHER.name}`).selectOption('coach');
    await staffSection().getByText(`${TEACHER.name} is now Instructional coach.`).waitFor();

    // Deactivation ends the teacher's session on the other browser at once.
    page.once('dialog', (dialog) => void dialog.accept());
    await staffSection()
      .getByRole('button', { name: `Deactivate ${TEACHER.name}` })
      .click();
    await staffSection()
      .getByText(/is deactivated and signed out everywhere/)
      .waitFor();
    await staffSection().getByText('Deactivated', { exact: true }).waitFor();
    expect((await teacherPage.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);
    await teacherPage.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => teacherPage.getByTestId('sync-status').textContent(), { timeout: 30_000 })
      .toMatch(/Sign in again to sync/);
    // And the password no longer opens the account.
    const again = await teacherPage.request.post(`${server.url}/api/auth/login`, {
      data: { email: TEACHER.email, password: TEACHER.password },
    });
    expect(again.status()).toBe(403);
  });

  it('lists the changes in the audit log and exports them as CSV', async () => {
    const audit = page.locator('section.audit-log');
    await audit.getByRole('button', { name: 'Show entries' }).click();
    await audit.getByRole('cell', { name: 'Deactivated', exact: true }).waitFor();
    await audit.getByRole('cell', { name: 'Role changed', exact: true }).waitFor();
    await audit.getByRole('cell', { name: 'Invite revoked', exact: true }).waitFor();

    await audit.getByLabel('Action').selectOption('staff.deactivated');
    await audit.getByRole('button', { name: 'Show entries' }).click();
    await audit.getByText('1 entry').waitFor();
    await audit.scrollIntoViewIfNeeded();
    await shoot('admin-audit-log');
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      audit.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('When (UTC),Who,Action,About,Details');
    expect(csv).toContain(`Dana Admin,Deactivated,${TEACHER.name}`);
    expect(csv).not.toContain('Role changed');
  });
});
