import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './support/browser';
import {
  adminWithSchool,
  CLIENT,
  mutation,
  push,
  roundOf,
  smallMainTargets,
  visits,
  type Answer,
} from './support/results-seed';
import { startServer, type E2eServer } from './support/server';
import { inviteLink, joinWithLink } from './support/visit-people';

const screens = 'docs/screens';
const PRINCIPAL = {
  name: 'Pat Principal',
  email: 'pat@lincoln.example',
  password: 'principal 1 secret',
};
const TEACHER = {
  name: 'Toni Teacher',
  email: 'toni@lincoln.example',
  password: 'teacher 1 secret',
};
const VIEWPORT = { width: 1024, height: 768 };

/** Five rooms, four notes; the first would point at one room if shared whole. */
const NOTES = [
  'Socratic circle; 12 students spoke, in Room 14 by the window.',
  'Exit tickets on every desk.',
  'Partners compared strategies at table 3.',
  'Anchor chart of strategies.',
  '',
];
const TRIMMED = 'Socratic circle; 12 students spoke';

describe('evidence leaders share with staff', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let principal: Page;
  let teacher: Page;

  beforeAll(async () => {
    mkdirSync(screens, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    const { admin, adminPage, api, schoolId, me } = await adminWithSchool(browser, server);
    contexts.push(admin);
    const round = roundOf(schoolId, me.id, 'Winter sweep', '2027-01-12');
    const answers: Array<Record<string, Answer>> = NOTES.map(() => ({
      'students-talk-to-peer': 'seen',
    }));
    await push(api, server.url, [
      mutation(CLIENT, 'round', round),
      ...visits(round, me.id, answers, (i) => NOTES[i]!).map((o) =>
        mutation(CLIENT, 'observation', o),
      ),
    ]);
    const join = async (role: 'principal' | 'teacher', who: typeof PRINCIPAL) => {
      const link = await inviteLink(adminPage, server, schoolId, role, who.email);
      const joined = await joinWithLink(browser, server, link, who, VIEWPORT);
      contexts.push(joined.context);
      return joined.page;
    };
    principal = await join('principal', PRINCIPAL);
    teacher = await join('teacher', TEACHER);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.dispose();
  });

  it('lets the principal share a trimmed note with staff', async () => {
    await principal.getByRole('link', { name: 'Results' }).click();
    await principal.getByRole('heading', { name: /Lincoln Elementary · Winter sweep/ }).waitFor();
    const panel = principal.locator('aside.evidence');
    for (const note of NOTES.filter(Boolean)) await panel.getByText(note).waitFor();
    await panel
      .getByText('Nothing yet: staff see no notes of this round until you share one.')
      .waitFor();
    await panel.getByRole('button', { name: `Share with staff: ${NOTES[0]}` }).click();
    const editor = panel.getByLabel('Text staff will read');
    expect(await editor.inputValue()).toBe(NOTES[0]);
    await editor.fill(TRIMMED);
    expect(await axeViolations(principal)).toEqual([]);
    expect(await smallMainTargets(principal)).toEqual([]);
    await shot(principal, panel, 'dashboard-share-with-staff-1024x768.png');
    await panel.getByRole('button', { name: 'Share', exact: true }).click();
    const shared = panel.locator('.staff-picks li');
    await expect.poll(() => shared.allTextContents()).toEqual([`${TRIMMED}Remove`]);
    await panel.getByRole('button', { name: `Remove from staff view: ${TRIMMED}` }).waitFor();
    expect(await axeViolations(principal)).toEqual([]);
    expect(await smallMainTargets(principal)).toEqual([]);
  });

  it('shows a teacher exactly the trimmed text and none of the other notes', async () => {
    await teacher.getByRole('link', { name: 'Results' }).click();
    await teacher.getByRole('heading', { name: /Lincoln Elementary · Winter sweep/ }).waitFor();
    const panel = teacher.locator('aside.evidence');
    await panel.getByRole('heading', { name: 'Evidence your leaders shared' }).waitFor();
    await expect.poll(() => panel.locator('li').allTextContents()).toEqual([TRIMMED]);
    expect(await panel.getByRole('button').count()).toBe(0);
    const page = await teacher.locator('body').innerText();
    for (const note of NOTES.filter(Boolean)) expect(page).not.toContain(note);
    expect(page).not.toContain('Room 14');
    // Nor does anything the server sent this teacher hold them.
    const answer = await teacher.request.get(
      `${server.url}/api/dashboard/evidence?${await evidenceQuery(teacher)}`,
    );
    const body = await answer.text();
    expect(body).toContain(TRIMMED);
    for (const note of NOTES.filter(Boolean)) expect(body).not.toContain(note);
    expect(await axeViolations(teacher)).toEqual([]);
    await shot(teacher, panel, 'dashboard-staff-evidence-1024x768.png');
  });
});

/** The evidence panel alone, on a page tall enough that the sticky header stays out of it. */
async function shot(page: Page, panel: Locator, name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ ...VIEWPORT, height: Math.max(height, VIEWPORT.height) });
  await page.evaluate(() => window.scrollTo(0, 0));
  await panel.screenshot({ path: `${screens}/${name}` });
  await page.setViewportSize(VIEWPORT);
}

/** The query of the round the teacher's results screen shows (its only round). */
async function evidenceQuery(page: Page): Promise<string> {
  const options = await page.request.get(new URL('/api/dashboard/options', page.url()).href);
  const { rounds } = (await options.json()) as { rounds: Array<{ id: string }> };
  return `roundId=${rounds[0]!.id}`;
}
