import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './support/browser';
import { chartsDrawn, horizontalOverflow } from './support/layout';
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

const screens = 'docs/screens';
const PRINCIPAL = {
  name: 'Rae Principal',
  email: 'rae@lincoln.example',
  password: 'principal secret 2',
};

/** Both tablet sizes: axe clean, every target big enough, nothing running off the side. */
async function checkLayout(page: Page, name: string) {
  for (const [width, height] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width, height });
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await chartsDrawn(page);
    await page.screenshot({ path: `${screens}/${name}-${width}x${height}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

describe('honest numbers and the share-back clock (issue #15)', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let context: BrowserContext;
  let page: Page;
  let roundId: string;

  beforeAll(async () => {
    mkdirSync(screens, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    const seeded = await adminWithSchool(browser, server);
    admin = seeded.admin;
    const { api, schoolId, me } = seeded;
    // A round still open: the principal closes it on screen.
    const spring = { ...roundOf(schoolId, me.id, 'Spring sweep', '2026-11-30'), status: 'planned' };
    roundId = spring.id;
    await push(api, server.url, [mutation(CLIENT, 'round', spring)]);
    // 7 of 10 rooms: 70%, likely 44–87%; the learning target on 3 rooms only.
    const answers: Array<Record<string, Answer>> = Array.from({ length: 10 }, (_, i) => ({
      'students-talk-to-peer': i < 7 ? 'seen' : 'not_seen',
      ...(i < 3 ? { 'learning-target-visible': 'seen' as Answer } : {}),
    }));
    await push(
      api,
      server.url,
      visits(spring, me.id, answers).map((o) => mutation(CLIENT, 'observation', o)),
    );
    const invite = await api.post(`${server.url}/api/admin/invites`, {
      data: { schoolId, role: 'principal', email: PRINCIPAL.email, name: PRINCIPAL.name },
    });
    const token = /#\/invite\/(.+)$/.exec(((await invite.json()) as { link: string }).link)![1]!;
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
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

  it('shows every share with its 90% range, and "Not enough visits yet" below five', async () => {
    await page.goto(`${server.url}/#/results/${roundId}`);
    await page.getByRole('heading', { name: /Lincoln Elementary · Spring sweep/ }).waitFor();
    const peer = page.locator('tr[data-look-for="students-talk-to-peer"]');
    await expect.poll(() => peer.locator('.results-share').textContent()).toBe('70%');
    expect(await peer.locator('.results-range').textContent()).toBe('44–87%');
    await page.getByRole('button', { name: /rests? on fewer than 5 classrooms/ }).click();
    expect(
      await page
        .locator('tr[data-look-for="learning-target-visible"] .results-share')
        .textContent(),
    ).toBe('Not enough visits yet');
    // An open round has no clock yet.
    expect(await page.locator('[data-share-clock]').count()).toBe(0);
    await checkLayout(page, 'honest-numbers-results');
  });

  it('starts the clock when the principal closes the round, on the rounds list', async () => {
    await page.goto(`${server.url}/#/rounds/${roundId}/plan`);
    await page.getByRole('button', { name: 'Close round' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close round' }).click();
    await page.getByRole('button', { name: 'Reopen round' }).waitFor();
    await page.goto(`${server.url}/#/rounds`);
    const card = page.locator('.round-card', { hasText: 'Spring sweep' });
    // The close reaches the server with the next sync; the list asks for the clock then.
    await expect
      .poll(
        async () => {
          await page.reload();
          await card.waitFor();
          return card.locator('[data-share-clock]').count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    expect(await card.locator('[data-share-clock]').textContent()).toMatch(
      /Share with staff within 2 school days \(by \d{4}-\d{2}-\d{2}\)/,
    );
    await checkLayout(page, 'share-clock-rounds');
  });

  it('stops the clock when the principal marks the summary shared', async () => {
    await page.goto(`${server.url}/#/results/${roundId}`);
    await page.getByRole('heading', { name: /Lincoln Elementary · Spring sweep/ }).waitFor();
    const clock = page.locator('.share-clock-panel [data-share-clock]');
    await expect.poll(() => clock.textContent()).toMatch(/within 2 school days/);
    await checkLayout(page, 'share-clock-results');
    await page.getByRole('button', { name: 'Mark summary shared with staff' }).click();
    await expect.poll(() => clock.textContent()).toMatch(/Shared with staff on time/);
    expect(await page.getByRole('button', { name: /Mark summary shared/ }).count()).toBe(0);
    await page.goto(`${server.url}/#/rounds`);
    const card = page.locator('.round-card', { hasText: 'Spring sweep' });
    await expect.poll(() => card.locator('[data-share-clock]').textContent()).toMatch(/on time/);
  });

  it('lists the round as shared on time in the district view, naming no teacher', async () => {
    const adminPage = admin.pages()[0]!;
    await adminPage.goto(`${server.url}/#/results/${roundId}`);
    const table = adminPage.locator('table[data-group="on-time"]');
    await table.waitFor();
    expect(await table.locator('tbody th').allTextContents()).toEqual(['Spring sweep']);
    expect(await table.textContent()).not.toContain('Room 1');
    await checkLayout(adminPage, 'share-back-district');
  });
});
