import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './support/browser';
import {
  CLIENT,
  mutation,
  push,
  adminWithSchool,
  roundOf,
  smallMainTargets as smallTargets,
  visits,
  type Answer,
} from './support/results-seed';
import { startServer, type E2eServer } from './support/server';
import { chartsDrawn } from './support/layout';

const screens = 'docs/screens';
const PRINCIPAL = {
  name: 'Pat Principal',
  email: 'pat@lincoln.example',
  password: 'principal secret 1',
};
describe('the results dashboard', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(screens, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    const seeded = await adminWithSchool(browser, server);
    admin = seeded.admin;
    const { api, schoolId, me } = seeded;
    const fall = roundOf(schoolId, me.id, 'Fall sweep', '2026-10-06');
    const winter = roundOf(schoolId, me.id, 'Winter sweep', '2027-01-12');
    await push(api, server.url, [
      mutation(CLIENT, 'round', fall),
      mutation(CLIENT, 'round', winter),
    ]);
    // Fall: students explain their thinking to a peer in 2 of 5 rooms (40%).
    const fallAnswers: Array<Record<string, Answer>> = [
      'seen',
      'seen',
      'not_seen',
      'not_seen',
      'not_seen',
    ].map((a) => ({ 'students-talk-to-peer': a as Answer }));
    // Winter: 4 of 6 (66.7%); the learning target 3 of 5 with one N/A (60%).
    const winterAnswers: Array<Record<string, Answer>> = [
      { 'students-talk-to-peer': 'seen', 'learning-target-visible': 'seen' },
      { 'students-talk-to-peer': 'seen', 'learning-target-visible': 'seen' },
      { 'students-talk-to-peer': 'seen', 'learning-target-visible': 'seen' },
      { 'students-talk-to-peer': 'seen', 'learning-target-visible': 'not_seen' },
      { 'students-talk-to-peer': 'not_seen', 'learning-target-visible': 'not_seen' },
      { 'students-talk-to-peer': 'not_seen', 'learning-target-visible': 'na' },
    ];
    await push(api, server.url, [
      ...visits(fall, me.id, fallAnswers).map((o) => mutation(CLIENT, 'observation', o)),
      ...visits(winter, me.id, winterAnswers).map((o) => mutation(CLIENT, 'observation', o)),
    ]);
    const invite = await api.post(`${server.url}/api/admin/invites`, {
      data: { schoolId, role: 'principal', email: PRINCIPAL.email, name: PRINCIPAL.name },
    });
    const token = /#\/invite\/(.+)$/.exec(((await invite.json()) as { link: string }).link)![1]!;

    context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    // The principal joins through the invite link, as a new user would.
    await page.goto(`${server.url}/#/invite/${token}`);
    await page.getByRole('heading', { name: 'Join Lookfor' }).waitFor();
    await page.getByLabel('Your name').fill(PRINCIPAL.name);
    await page.getByLabel('Email').fill(PRINCIPAL.email);
    await page.getByLabel(/^Password/).fill(PRINCIPAL.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'My observations' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await admin?.close();
    await browser?.close();
    await server?.dispose();
  });

  it('shows the principal the share of classrooms per look-for in the closed round, and whether it changed', async () => {
    await page.getByRole('link', { name: 'Results' }).click();
    await page.getByRole('heading', { name: /Lincoln Elementary · Winter sweep/ }).waitFor();
    await page.getByText('6 classrooms visited').waitFor();
    const peer = page.locator('tr[data-look-for="students-talk-to-peer"]');
    await expect.poll(() => peer.locator('.results-share').textContent()).toBe('66.7%');
    expect(
      await page
        .locator('tr[data-look-for="learning-target-visible"] .results-share')
        .textContent(),
    ).toBe('60%');
    // Hidden look-fors fold into one line that opens on a tap (issue #14).
    await page
      .getByRole('button', { name: /look-fors? rests? on fewer than 5 classrooms/ })
      .click();
    expect(
      await page.locator('tr[data-look-for="students-choose"] .results-share').textContent(),
    ).toBe('Not enough visits yet');
    const trend = page.locator('table.trend tr', {
      hasText: 'Students explain their thinking to a peer',
    });
    // 2 of 5 to 4 of 6 lies within both rounds' 90% ranges (issue #15).
    await expect.poll(() => trend.textContent()).toContain('No clear change (+26.7 points)');
    await page.getByText('Partners compared strategies at table 1.').waitFor();
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await chartsDrawn(page);
    await page.screenshot({ path: `${screens}/dashboard-results-1024x768.png`, fullPage: true });
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await chartsDrawn(page);
    await page.screenshot({ path: `${screens}/dashboard-results-768x1024.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('exports the aggregate table as CSV, with suppressed cells as words', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('results-winter-sweep.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Look-for id,Look-for,Section,Response type,Classrooms,Seen,Not seen,N/A,Percent seen,Percent seen low (90%),Percent seen high (90%),Levels,Mean,Spread (SD),Quotes,Target',
    );
    expect(lines).toContain(
      'students-talk-to-peer,Students explain their thinking to a peer,Students doing,seen,6,4,2,0,66.7,35,88,,,,,',
    );
    const choose = lines.find((l) => l.startsWith('students-choose,'))!;
    expect(choose).toContain('suppressed (fewer than 5 classrooms)');
    expect(choose.replace(/fewer than 5/g, '')).not.toMatch(/,\d/);
  });

  it('prints on one page without the app chrome', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.results-scope').isVisible()).toBe(false);
    await chartsDrawn(page);
    await page.screenshot({ path: `${screens}/dashboard-print-1024x768.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the last results it got, marked "as of", when the server cannot be reached', async () => {
    await server.stop();
    await page.reload();
    await page.getByText(/Offline: showing the results as of/).waitFor();
    const peer = page.locator('tr[data-look-for="students-talk-to-peer"] .results-share');
    expect(await peer.textContent()).toBe('66.7%');
  });
});
