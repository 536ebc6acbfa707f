import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openAccountMenu } from './support/account';
import { axeViolations, launchChromium } from './support/browser';
import { captureObservation } from './support/capture';
import { startServer, type E2eServer } from './support/server';

const shots = 'test-results/screenshots';
const TEACHER = {
  name: 'Tess Teacher',
  email: 'tess@lincoln.example',
  password: 'another long secret',
};

describe('accounts on a shared iPad', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    // One browser profile, as on a shared tablet.
    context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.dispose();
  });

  async function signIn(email: string, password: string) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My observations' }).waitFor();
  }

  async function signOut() {
    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    if (await confirm.isVisible().catch(() => false)) {
      await confirm.getByRole('button', { name: 'Sign out', exact: true }).click();
    }
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  it('creates the first district admin from the one-time set-up link', async () => {
    await page.goto(`${server.url}/#/setup/${server.setupToken}`);
    await page.getByRole('heading', { name: 'Set up Lookfor' }).waitFor();
    await page.screenshot({ path: `${shots}/setup-portrait.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'My observations' }).waitFor();
    // The bar's account menu says who is signed in.
    await openAccountMenu(page);
    await page.locator('#account-menu').getByText(ADMIN.name).waitFor();
    await page.keyboard.press('Escape');

    // The link works once.
    const again = await page.request.post(`${server.url}/api/auth/setup`, {
      data: {
        token: server.setupToken,
        name: 'X',
        email: 'x@y.example',
        password: 'long enough pw',
      },
    });
    expect(again.status()).toBe(403);
  });

  it('keeps each user’s notes apart on one browser profile', async () => {
    // The admin adds a school and invites a teacher with a single-use link.
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByLabel('New school').fill('Lincoln Elementary');
    await page.getByRole('button', { name: 'Add school' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Lincoln Elementary' }).waitFor();
    await page.getByLabel('Role').selectOption('teacher');
    await page.getByRole('textbox', { name: /^Email/ }).fill(TEACHER.email);
    await page.getByRole('button', { name: 'Create invite link' }).click();
    const link = await page.locator('#invite-link').inputValue();
    expect(link).toMatch(/\/#\/invite\/[A-Za-z0-9_-]{20,}$/);

    // A roster of two more staff becomes two more links.
    await page.locator('#roster-file').setInputFiles({
      name: 'staff.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'name,email,school,role\nAna Coach,ana@lincoln.example,Lincoln Elementary,coach\nBo Teacher,bo@lincoln.example,lincoln elementary,teacher\n',
      ),
    });
    await page.getByText('2 invite links, each for one person').waitFor();
    await page.screenshot({ path: `${shots}/admin-portrait.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Observations', exact: true }).click();

    await captureObservation(page, {
      school: 'Lincoln Elementary',
      room: '101',
      grade: 'Grade K-2',
      subject: 'Math',
      observer: ADMIN.name,
      answers: [{ lookFor: 'Students work together on a shared task', answer: 'Seen' }],
      notes: 'Admin note: counting bears in pairs.',
    });
    await page.getByText(/All synced/).waitFor({ timeout: 30_000 });
    await signOut();

    await page.goto(link);
    await page.getByRole('heading', { name: 'Join Lookfor' }).waitFor();
    await page.getByLabel('Your name').fill(TEACHER.name);
    await page.getByLabel('Email').fill(TEACHER.email);
    await page.getByLabel(/^Password/).fill(TEACHER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'My observations' }).waitFor();
    await page.getByText('No observations on this device yet').waitFor();
    expect(await page.getByText('Room 101').count()).toBe(0);

    await captureObservation(page, {
      school: 'Lincoln Elementary',
      room: '202',
      grade: 'Grade 3-5',
      subject: 'Reading',
      observer: TEACHER.name,
      answers: [{ lookFor: 'Students ask questions of the teacher or each other', answer: 'Seen' }],
      notes: 'Teacher note: partner reading.',
    });
    await page.getByText(/All synced/).waitFor({ timeout: 30_000 });
    await signOut();

    await signIn(ADMIN.email, ADMIN.password);
    await page.getByText('Room 101 · Grade K-2 · Math').waitFor();
    await page.getByText(/All synced/).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Room 202').count()).toBe(0);
    await page.screenshot({ path: `${shots}/signed-in-admin-portrait.png`, fullPage: true });
    await signOut();
    await page.screenshot({ path: `${shots}/sign-in-portrait.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await signIn(TEACHER.email, TEACHER.password);
    await page.getByText('Room 202 · Grade 3-5 · Reading').waitFor();
    expect(await page.getByText('Room 101').count()).toBe(0);
  });
});
