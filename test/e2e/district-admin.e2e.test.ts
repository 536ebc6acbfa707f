import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Visit } from '../../src/shared/visits';
import { fixtureDir } from '../support/oneroster-fixtures';
import { CLIENT, startTestIdp, type TestIdp } from '../support/oidc-provider';
import { linkIn, partOf, startTestSmtp, waitUntil, type TestSmtp } from '../support/smtp';
import { put, visit } from '../support/visit-factories';
import { ADMIN, addSchool, openAccountMenu, signUpFirstAdmin } from './support/account';
import { axeViolations, launchChromium } from './support/browser';
import { headerHeight, horizontalOverflow } from './support/layout';
import { freePort, startServer, type E2eServer } from './support/server';

const screens = 'docs/screens';
const HOST = { name: 'Hana Host', email: 'hana@lincoln.example', password: 'host long secret' };
const COLLEAGUE = {
  name: 'Cal Colleague',
  email: 'cal@lincoln.example',
  password: 'cal secret 123',
};
const LEAVER = { name: 'Lee Leaver', email: 'lee@lincoln.example', password: 'lee secret 123' };
type Who = typeof HOST;

describe('a district admin, tried as a new user would, with SSO and email', () => {
  let smtp: TestSmtp;
  let idp: TestIdp;
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  const joined = new Map<string, Page>();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    const idpPort = await freePort();
    const issuer = `http://127.0.0.1:${idpPort}`;
    server = await startServer({
      env: (url) => ({
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Lookfor <lookfor@lincoln.example>',
        PUBLIC_URL: url,
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT.id,
        OIDC_CLIENT_SECRET: CLIENT.secret,
        OIDC_ALLOWED_DOMAINS: 'lincoln.example',
        OIDC_BUTTON_LABEL: 'District Login',
      }),
    });
    idp = await startTestIdp({ port: idpPort, appUrl: server.url, loginPage: true });
    browser = await launchChromium();
    admin = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await admin.newPage();
  });
  afterAll(async () => {
    for (const p of joined.values()) await p.context().close();
    await admin?.close();
    await browser?.close();
    await server?.dispose();
    await idp?.close();
    await smtp?.stop();
  });

  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const shoot = async (name: string) => {
    for (const size of [
      { width: 1024, height: 768 },
      { width: 768, height: 1024 },
    ]) {
      await page.setViewportSize(size);
      expect(await horizontalOverflow(page), `${name} at ${size.width}`).toBe(0);
      expect(await headerHeight(page)).toBeLessThanOrEqual(64);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: `${screens}/${name}-${size.width}x${size.height}.png`,
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1024, height: 768 });
  };

  /** The admin invites by email on the Admin screen; the person joins from the emailed link. */
  async function inviteByEmail(who: Who, role: 'teacher' | 'coach') {
    const form = page.locator('section.admin-section', { hasText: 'Create invite link' });
    await form.getByLabel('Role').selectOption(role);
    await form.getByRole('textbox', { name: /^Email/ }).fill(who.email);
    await form.getByRole('button', { name: 'Create invite link' }).click();
    await form.getByText(`Emailed to ${who.email}.`).waitFor();
    await waitUntil(
      () => mailsTo(who.email).length === 1,
      `the invite to ${who.email} arrives`,
      30_000,
    );
    const [mail] = mailsTo(who.email);
    expect(mail!.subject).toBe('You are invited to Lookfor');
    const link = linkIn(mail!, `${server.url}/#/invite/`);
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    const p = await context.newPage();
    await p.goto(link);
    await p.getByRole('heading', { name: 'Join Lookfor' }).waitFor();
    await p.getByLabel('Your name').fill(who.name);
    await p.getByLabel('Email').fill(who.email);
    await p.getByLabel(/^Password/).fill(who.password);
    await p.getByRole('button', { name: 'Create account' }).click();
    await p.getByRole('heading', { name: 'My observations' }).waitFor();
    joined.set(who.email, p);
  }

  it('signs in through the provider, invites by email, fixes a role and deactivates a leaver', async () => {
    await signUpFirstAdmin(page, server);
    await addSchool(page);

    // From now on the admin signs in with the district's sign-in.
    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    if (await confirm.isVisible().catch(() => false)) {
      await confirm.getByRole('button', { name: 'Sign out', exact: true }).click();
    }
    await page.getByRole('link', { name: 'Sign in with District Login' }).click();
    await page.locator('input[name="login"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await page.getByRole('heading', { name: 'My observations' }).waitFor({ timeout: 30_000 });

    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await inviteByEmail(HOST, 'teacher');
    await inviteByEmail(COLLEAGUE, 'coach');
    await inviteByEmail(LEAVER, 'teacher');

    const staff = page.locator('section.staff-directory');
    await page.reload();
    await staff.locator('strong', { hasText: LEAVER.name }).waitFor();
    // Cal was invited as a coach by mistake.
    await staff.getByLabel(`Role of ${COLLEAGUE.name}`).selectOption('teacher');
    await staff.getByText(`${COLLEAGUE.name} is now Teacher.`).waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await staff.getByRole('button', { name: `Deactivate ${LEAVER.name}` }).click();
    await staff.getByText(/is deactivated and signed out everywhere/).waitFor();
    const leaver = joined.get(LEAVER.email)!;
    expect((await leaver.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);
  });

  it('emails the host, with the .ics, when a colleague books their peer visit', async () => {
    const host = joined.get(HOST.email)!;
    const colleague = joined.get(COLLEAGUE.email)!;
    const idOf = async (p: Page) =>
      (await (await p.request.get(`${server.url}/api/auth/me`)).json()) as {
        user: { id: string };
        memberships: Array<{ schoolId: string }>;
      };
    const hostMe = await idOf(host);
    const colleagueMe = await idOf(colleague);
    const offer: Visit = visit({
      schoolId: hostMe.memberships[0]!.schoolId,
      hostId: hostMe.user.id,
      hostName: HOST.name,
      startsAt: '2026-12-08T14:00:00.000Z',
    });
    const push = async (p: Page, v: Visit, baseRev: number | null) => {
      const clientId = crypto.randomUUID();
      const res = await p.request.post(`${server.url}/api/sync/push`, {
        data: { clientId, mutations: [put(clientId, 'visit', v, { baseRev })] },
        headers: { origin: server.url },
      });
      expect(res.status()).toBe(200);
      expect(
        ((await res.json()) as { results: Array<{ status: string }> }).results[0]!.status,
      ).toBe('applied');
    };
    await push(host, offer, null);
    await push(
      colleague,
      { ...offer, observerId: colleagueMe.user.id, observerName: COLLEAGUE.name },
      1,
    );
    await waitUntil(
      () => mailsTo(HOST.email).length === 2,
      'the host hears of the booking',
      30_000,
    );
    const booked = mailsTo(HOST.email)[1]!;
    expect(booked.subject).toBe(`${COLLEAGUE.name} booked your peer visit`);
    const ics = partOf(booked.raw, 'text/calendar');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`UID:${offer.id}@lookfor`);
  });

  it('shows the admin every email sent, and asks before turning passwords off', async () => {
    const outbox = page.locator('section.outbox');
    await outbox.getByRole('button', { name: 'Refresh' }).click();
    await outbox.getByRole('cell', { name: HOST.email }).first().waitFor();
    await expect.poll(() => outbox.locator('.outbox-sent').count()).toBe(4);
    expect(await outbox.getByRole('button', { name: /^Retry now/ }).count()).toBe(0);
    await outbox.scrollIntoViewIfNeeded();
    await shoot('admin-email-outbox');
    expect(await axeViolations(page)).toEqual([]);

    const signIn = page.locator('section.admin-section', {
      hasText: 'Single sign-on: District Login',
    });
    await signIn.getByText('Passwords are on').waitFor();
    await signIn.getByRole('button', { name: 'Turn passwords off' }).click();
    const dialog = page.getByRole('dialog', { name: 'Turn passwords off?' });
    await dialog.getByText('Every active person has an address at lincoln.example.').waitFor();
    await shoot('admin-passwords-off');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Turn passwords off' }).click();
    await signIn.getByText('Passwords are off').waitFor();
    const login = await joined.get(HOST.email)!.request.post(`${server.url}/api/auth/login`, {
      data: { email: HOST.email, password: HOST.password },
      headers: { origin: server.url },
    });
    expect(login.status()).toBe(403);
  });

  it("imports the district's OneRoster export, and every new person's invite arrives", async () => {
    const roster = page.locator('section.oneroster');
    const picker = roster.locator('#oneroster-files');
    await picker.waitFor({ state: 'attached' });
    const dir = fixtureDir('bulk');
    await picker.setInputFiles(readdirSync(dir).map((f) => join(dir, f)));
    await roster.getByText('Dry run: nothing is written yet').waitFor();
    expect(await roster.getByRole('list', { name: 'Dry run summary' }).textContent()).toContain(
      '3 to add',
    );
    await roster.getByRole('button', { name: 'Import' }).click();
    await roster.getByText('Imported: 3 added, 0 changed, 0 deactivated.').waitFor();

    // The two teachers and the principal the export names; students and families never.
    for (const email of [
      'ana.diaz@district.example',
      'ben.cole@district.example',
      'carla.moss@district.example',
    ]) {
      await waitUntil(
        () => smtp.received.some((m) => m.to.some((to) => to.toLowerCase().includes(email))),
        `the roster invite to ${email} arrives`,
        30_000,
      );
    }
    const toFamilies = smtp.received.filter((m) =>
      m.to.some((to) => /students\.example|home\.example/.test(to)),
    );
    expect(toFamilies).toEqual([]);
  });
});
