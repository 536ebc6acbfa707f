import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../scripts/demo/cli';
import { DEMO_PASSWORD } from '../../scripts/demo/people';
import { axeViolations, launchChromium } from './support/browser';
import { startServer, type E2eServer } from './support/server';

const shots = 'docs/screens';

describe('a newcomer tries the demo district', () => {
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
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.dispose();
  });

  async function signInAs(local: string) {
    await page.goto(server.url);
    await page.getByLabel('Email').fill(`${local}@demo.lookfor.example`);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My observations' }).waitFor();
    await page.getByText(/All synced/).waitFor({ timeout: 30_000 });
  }

  async function signOutEverywhere() {
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  const visits = () => page.getByText(/^Room \d+ · /).count();

  it("shows the Lincoln coach their own walkthrough visits and their school's protocols", async () => {
    await signInAs('coach.lincoln');
    await expect.poll(visits, { timeout: 30_000 }).toBe(90);
    await page.screenshot({ path: `${shots}/demo-observations-1024x768.png` });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Protocols', exact: true }).click();
    await page.getByText('New protocols belong to Lincoln Elementary.').waitFor();
    expect(await page.getByText('Roosevelt math talk').count()).toBe(0);
    await page.screenshot({ path: `${shots}/protocols-library-1024x768.png`, fullPage: true });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: `${shots}/protocols-library-768x1024.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 768 });
    await signOutEverywhere();
  });

  it('shows a Lincoln teacher no one else’s observations and no way to edit protocols', async () => {
    await signInAs('teacher3.lincoln');
    expect(await visits()).toBe(0);
    await page.getByRole('link', { name: 'Protocols', exact: true }).click();
    await page.getByRole('heading', { name: 'Protocols' }).waitFor();
    expect(await page.getByLabel('New protocol name').count()).toBe(0);
    await signOutEverywhere();
  });

  it("lets Roosevelt's coach use the school's own protocol, and the district admin choose an owner", async () => {
    await signInAs('coach.roosevelt');
    expect(await visits()).toBe(12);
    await page.getByRole('link', { name: 'Protocols', exact: true }).click();
    await page.getByText('Roosevelt math talk').waitFor();
    await signOutEverywhere();

    await signInAs('admin');
    expect(await visits()).toBe(0);
    await page.getByRole('link', { name: 'Protocols', exact: true }).click();
    await page.getByLabel('Belongs to').waitFor();
    await page.getByText('Roosevelt math talk').waitFor();
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: `${shots}/accounts-header-768x1024.png` });
    expect(await axeViolations(page)).toEqual([]);
  });
});
