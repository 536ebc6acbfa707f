import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../scripts/demo/cli';
import { DEMO_PASSWORD } from '../../scripts/demo/people';
import type { Observation } from '../../src/shared/observation';
import { openAccountMenu } from './support/account';
import { axeViolations, launchChromium } from './support/browser';
import { chartsDrawn, unexpectedShifts } from './support/layout';
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
    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  /** Every visit on the device, after "Show more" has opened each further page of the list. */
  const visits = async () => {
    const more = page.getByRole('button', { name: 'Show more' });
    while (await more.isVisible()) {
      await more.click();
      await page.locator('[data-testid="observations"][data-ready="true"]').waitFor();
    }
    return page.getByText(/^Room \d+ · /).count();
  };

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

  it('answers the principal: in what share of classrooms were students explaining their thinking, and is it up?', async () => {
    // The expected figures come straight from the records the demo stored, not from the app.
    const rounds = server
      .query<{ data: string }>("select data from records where entity = 'round' and deleted = 0")
      .map((r) => JSON.parse(r.data) as { id: string; name: string });
    const observations = server
      .query<{ data: string }>(
        "select data from records where entity = 'observation' and deleted = 0",
      )
      .map((r) => JSON.parse(r.data) as Observation);
    const shareIn = (roundName: string) => {
      const round = rounds.find((r) => r.name === roundName)!;
      const answers = observations
        .filter((o) => o.roundId === round.id && o.status === 'complete')
        .map((o) => o.responses['students-talk-to-peer']);
      const seen = answers.filter((a) => a === 'seen').length;
      const notSeen = answers.filter((a) => a === 'not_seen').length;
      return Math.round((seen / (seen + notSeen)) * 1000) / 10;
    };
    const winter = shareIn('Winter Blast Walkthrough');
    const fall = shareIn('Fall Blast Walkthrough');

    await page.setViewportSize({ width: 1024, height: 768 });
    await signOutEverywhere();
    await signInAs('principal.lincoln');
    await page.getByRole('link', { name: 'Results' }).click();
    await page
      .getByRole('heading', { name: /Lincoln Elementary · Winter Blast Walkthrough/ })
      .waitFor();
    const peer = page.locator('tr[data-look-for="students-talk-to-peer"] .results-share');
    await expect.poll(() => peer.textContent(), { timeout: 30_000 }).toBe(`${winter}%`);
    const trend = page.locator('table.trend tr', {
      hasText: 'Students explain their thinking to a peer',
    });
    const change = Math.round((winter - fall) * 10) / 10;
    await expect
      .poll(() => trend.textContent())
      .toContain(
        change > 0 ? `▲ up ${change} points` : change < 0 ? `▼ down ${-change} points` : '= same',
      );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    const row = csv.find((l) => l.startsWith('students-talk-to-peer,'));
    expect(row?.split(',')[8]).toBe(String(winter));

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens every main screen of a school year’s data without moving anything (CLS 0)', async () => {
    // The principal from the test above: rounds with share clocks, open doors, results.
    await page.setViewportSize({ width: 768, height: 1024 });
    const inMain = (selector: string) => page.locator(`main ${selector}`).first().waitFor();
    const screens: Array<[string, () => Promise<void>]> = [
      ['#/', () => inMain('[data-testid="observations"][data-ready="true"]')],
      [
        '#/rounds',
        async () => {
          await inMain('.round-card .round-progress:not(.round-progress-placeholder)');
          await expect
            .poll(() =>
              page.locator('.round-progress-placeholder, .share-clock-placeholder').count(),
            )
            .toBe(0);
        },
      ],
      ['#/protocols', () => inMain('.family')],
      ['#/visits', () => page.getByRole('heading', { name: 'My visits' }).waitFor()],
      [
        '#/results',
        async () => {
          await inMain('.results-layout');
          await chartsDrawn(page);
        },
      ],
      ['#/calibration', () => inMain('.calibration .banner, .calibration .cards')],
      ['#/start', () => inMain('.protocol-choices')],
    ];
    for (const [hash, loaded] of screens) {
      // A fresh document each time: the shifts counted are those of the screen loading.
      await page.goto('about:blank');
      await page.goto(`${server.url}/${hash}`);
      await loaded();
      expect(await page.getByText(/^Loading/).count(), hash).toBe(0);
      expect(await unexpectedShifts(page), hash).toEqual([]);
    }
    await page.setViewportSize({ width: 1024, height: 768 });
  });
});
