import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT, startTestIdp, type TestIdp } from '../support/oidc-provider';
import { addSchool, signUpFirstAdmin } from './support/account';
import { axeViolations, launchChromium } from './support/browser';
import { freePort, startServer, type E2eServer } from './support/server';

const TEACHER_EMAIL = 'sam.sso@district.example';

describe('single sign-on in Chromium through a real OpenID provider', () => {
  let idp: TestIdp;
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let teacher: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const idpPort = await freePort();
    const issuer = `http://127.0.0.1:${idpPort}`;
    server = await startServer({
      env: (url) => ({
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT.id,
        OIDC_CLIENT_SECRET: CLIENT.secret,
        OIDC_ALLOWED_DOMAINS: 'district.example',
        OIDC_BUTTON_LABEL: 'District Login',
        PUBLIC_URL: url,
      }),
    });
    idp = await startTestIdp({ port: idpPort, appUrl: server.url, loginPage: true });
    browser = await launchChromium();
    admin = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    teacher = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    page = await teacher.newPage();
  });
  afterAll(async () => {
    await admin?.close();
    await teacher?.close();
    await browser?.close();
    await server?.dispose();
    await idp?.close();
  });

  it('signs an invited teacher in through the provider’s login page', async () => {
    const adminPage = await admin.newPage();
    await signUpFirstAdmin(adminPage, server);
    await addSchool(adminPage);
    const schools = (await (
      await adminPage.request.get(`${server.url}/api/admin/schools`)
    ).json()) as {
      schools: Array<{ id: string }>;
    };
    const made = await adminPage.request.post(`${server.url}/api/admin/invites`, {
      data: { schoolId: schools.schools[0]!.id, role: 'teacher', email: TEACHER_EMAIL },
    });
    expect(made.status()).toBe(201);

    await page.goto(server.url);
    const button = page.getByRole('link', { name: 'Sign in with District Login' });
    await button.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await button.click();
    // The provider's own login page, then its consent page.
    await page.locator('input[name="login"]').fill(TEACHER_EMAIL);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await page.getByRole('heading', { name: 'My observations' }).waitFor({ timeout: 30_000 });
    const me = await page.request.get(`${server.url}/api/auth/me`);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(TEACHER_EMAIL);
  });

  it('tells a person without an account that they need an invite', async () => {
    const stranger = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    const p = await stranger.newPage();
    await p.goto(server.url);
    await p.getByRole('link', { name: 'Sign in with District Login' }).click();
    await p.locator('input[name="login"]').fill('nobody@district.example');
    await p.locator('input[name="password"]').fill('anything');
    await p.locator('button[type="submit"]').click();
    await p.locator('button[type="submit"]').click();
    await p.getByText(/There is no Lookfor account for this email/).waitFor({ timeout: 30_000 });
    await stranger.close();
  });
});
