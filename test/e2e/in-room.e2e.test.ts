import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blastEmpoweredLearning } from '../../src/shared/builtin-protocols';
import { addSchool, signUpFirstAdmin } from './support/account';
import { axeViolations, launchChromium } from './support/browser';
import {
  chartsDrawn,
  headerHeight,
  hiddenWhenFocused,
  horizontalOverflow,
  lookForsInView,
  smallTargets,
  unexpectedShifts,
} from './support/layout';
import { startServer, type E2eServer } from './support/server';

const shots = 'docs/screens';
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
] as const;

/** A round of the admin's school on the starter blast protocol, pushed as another device would. */
async function pushRound(page: Page): Promise<string> {
  return page.evaluate(
    async ({ protocolId, protocolVersion }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as {
        user: { id: string };
        schools: Array<{ id: string }>;
      };
      const id = crypto.randomUUID();
      const room = (n: string, gradeBand: string, subject: string) => ({
        id: `r${n}`,
        room: n,
        gradeBand,
        subject,
        assignedTo: null,
      });
      const round = {
        id,
        schoolId: me.schools[0]!.id,
        name: 'November blast',
        purpose: 'Where do students explain their thinking? Rooms, never teachers.',
        protocolId,
        protocolVersion,
        startsOn: '2026-11-23',
        endsOn: '2026-12-24',
        targetMinutes: 5,
        // The district admin plans and walks; a team of coaches is not needed here.
        team: [],
        rooms: [
          room('101', 'K-2', 'Reading'),
          room('102', '3-5', 'Math'),
          room('103', '6-8', 'Art'),
        ],
        status: 'planned',
        createdBy: me.user.id,
        updatedAt: new Date().toISOString(),
      };
      const clientId = crypto.randomUUID();
      const res = await fetch('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId,
          mutations: [
            {
              mutationId: crypto.randomUUID(),
              clientId,
              clientSeq: 1,
              entity: 'round',
              entityId: id,
              op: 'put',
              baseRev: null,
              data: round,
              deviceTime: new Date().toISOString(),
            },
          ],
        }),
      });
      const text = await res.text();
      if (!res.ok || !text.includes('"applied"')) throw new Error(`${res.status} ${text}`);
      return id;
    },
    { protocolId: blastEmpoweredLearning.id, protocolVersion: blastEmpoweredLearning.version },
  );
}

describe.each(sizes)('in the room at $width x $height', (size) => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let roundId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: size });
    await signUpFirstAdmin(page, server);
    await addSchool(page);
    roundId = await pushRound(page);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('Ready to work offline').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'OK' }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const shot = async (name: string) => {
    // The transient "Ready to work offline" would cover the line the picture is about.
    const ok = page.locator('.toasts').getByRole('button', { name: 'OK' });
    if (await ok.isVisible()) await ok.click();
    await chartsDrawn(page);
    await page.screenshot({ path: `${shots}/${name}-${size.width}x${size.height}.png` });
  };

  /** What every screen owes a tablet: a short bar, no sideways scroll, big targets, axe. */
  async function check(screen: string) {
    expect(await headerHeight(page), `${screen}: header height`).toBeLessThanOrEqual(64);
    expect(await horizontalOverflow(page), `${screen}: overflow`).toBeLessThanOrEqual(0);
    expect(await smallTargets(page), `${screen}: small targets`).toEqual([]);
    const serious = (await axeViolations(page)).filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious, `${screen}: axe`).toEqual([]);
  }

  /** A fresh document, so the layout shifts measured after are this flow's alone. */
  const load = async (hash: string, heading: string | RegExp) => {
    await page.goto('about:blank');
    await page.goto(`${server.url}/${hash}`);
    await page.getByRole('heading', { level: 2, name: heading }).first().waitFor();
  };

  it('starts in two columns with Room and Grade above the fold and the last protocol chosen', async () => {
    await load('#/start', 'Start an observation');
    const room = await page.getByLabel('Room', { exact: true }).boundingBox();
    const grades = await page.getByRole('group', { name: 'Grade band' }).boundingBox();
    const protocols = await page.getByRole('group', { name: 'Protocol' }).boundingBox();
    expect(room!.y + room!.height).toBeLessThanOrEqual(size.height);
    expect(grades!.y + grades!.height).toBeLessThanOrEqual(size.height);
    // Two columns: the protocols sit beside the room, not above or below it.
    expect(protocols!.x).toBeGreaterThan(room!.x + room!.width - 1);
    await check('start');
    await shot('in-room-start');
    expect(await unexpectedShifts(page)).toEqual([]);

    await page.getByRole('radio', { name: /Equitable Learning/ }).check();
    await page.getByLabel('Room', { exact: true }).fill('12');
    await page.getByText('Grade 3-5', { exact: true }).click();
    await page.getByLabel('Subject').fill('Math');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /Room 12/ }).waitFor();

    // Next room: the protocol used last is already chosen, remembered on this device.
    await load('#/start', 'Start an observation');
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector('input[name="protocol"]:checked')?.parentElement?.textContent,
        ),
      )
      .toMatch(/Equitable Learning/);
    expect(await unexpectedShifts(page)).toEqual([]);
  });

  it('keeps the context line and four look-fors in view on capture, with no layout shift', async () => {
    await load('#/start', 'Start an observation');
    await page.getByRole('radio', { name: new RegExp(blastEmpoweredLearning.name) }).check();
    await page.getByLabel('Room', { exact: true }).fill('14');
    await page.getByText('Grade K-2', { exact: true }).click();
    await page.getByLabel('Subject').fill('Reading');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /Room 14/ }).waitFor();
    // Measured on a fresh document of the capture screen, apart from the change of screen.
    await load(new URL(page.url()).hash, /Room 14/);
    await page.getByText('0 of 8 look-fors answered').waitFor();

    expect(await lookForsInView(page)).toBeGreaterThanOrEqual(4);
    const first = page.locator('.look-for').first();
    await first.getByRole('button', { name: 'Seen', exact: true }).click();
    await page.getByText('1 of 8 look-fors answered').waitFor();
    await page.getByRole('timer', { name: 'Time in this room' }).waitFor();
    await check('capture');
    await shot('in-room-capture');

    // Far down the page the line still says where I am and how far I got.
    await page.getByLabel('Low-inference notes').focus();
    const line = await page.locator('.context-line').boundingBox();
    expect(line!.y).toBeGreaterThanOrEqual(63);
    expect(line!.y).toBeLessThanOrEqual(65);
    expect(await hiddenWhenFocused(page)).toEqual([]);
    expect(await unexpectedShifts(page)).toEqual([]);
  });

  it('folds the round away while a visit is open, and keeps every look-for clear of the footer', async () => {
    await load(`#/rounds/${roundId}`, 'November blast');
    await page.getByText('Next: Room 101, Grade K-2, Reading').waitFor();
    await check('round-queue');
    // A queued room is one choice: a tap anywhere on its row starts it.
    const later = page.getByRole('list', { name: 'Later in my queue' }).getByRole('listitem');
    const row = await later.first().boundingBox();
    expect(row!.height).toBeGreaterThanOrEqual(44);

    expect(await unexpectedShifts(page)).toEqual([]);

    await page.getByRole('button', { name: /^Start visit/ }).click();
    await page.getByRole('heading', { level: 3, name: 'Room 101, Grade K-2, Reading' }).waitFor();
    // A fresh document resumes the open visit: the in-room flow is measured on its own.
    await load(`#/rounds/${roundId}`, 'November blast');
    await page.getByRole('heading', { level: 3, name: 'Room 101, Grade K-2, Reading' }).waitFor();
    await expect(page.getByText('Purpose, shared with staff').isVisible()).resolves.toBe(false);
    expect(await lookForsInView(page)).toBeGreaterThanOrEqual(4);
    await page
      .locator('.look-for')
      .first()
      .getByRole('button', { name: 'Seen', exact: true })
      .click();
    await page.getByText('1 of 8 look-fors answered').waitFor();
    await check('round-visit');
    await shot('in-room-walking');
    expect(await hiddenWhenFocused(page)).toEqual([]);

    // The round's details open on demand, from the keyboard too.
    const details = page.getByRole('button', { name: 'Round details' });
    await details.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Purpose, shared with staff').waitFor();
    await check('round-details');
    await page.getByRole('button', { name: 'Hide round details' }).click();
    expect(await unexpectedShifts(page)).toEqual([]);
  });

  it('shows the protocol editor as an outline that opens a look-for on tap or key', async () => {
    await load('#/protocols', 'Protocols');
    await check('protocols');
    await load(`#/protocols/${blastEmpoweredLearning.id}/v1`, blastEmpoweredLearning.name);
    await page.getByRole('heading', { level: 2, name: blastEmpoweredLearning.name }).waitFor();
    await page.getByRole('button', { name: 'Edit as version 2' }).click();
    await page.getByRole('button', { name: 'Publish version 2' }).waitFor();
    await page.getByRole('button', { name: 'Outline' }).click();

    const items = page.locator('.outline-item');
    await expect.poll(() => items.count()).toBe(8);
    await expect(items.first().getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(items.first().textContent()).resolves.toMatch(/Seen/);
    await check('protocol-outline');
    await shot('protocols-outline');

    // The keyboard opens one look-for; its words are then editable, and it folds back.
    await items.nth(1).focus();
    await page.keyboard.press('Enter');
    const text = page.locator('.look-for-editor:not(.folded) textarea').first();
    await text.waitFor();
    await expect(items.count()).resolves.toBe(7);
    await check('protocol-outline-open');
    await page.getByRole('button', { name: /^Fold look-for/ }).click();
    await expect.poll(() => items.count()).toBe(8);
    expect(await unexpectedShifts(page)).toEqual([]);
  });

  it('keeps every main screen within the bar, targets and axe, with no layout shift', async () => {
    // The last thing each screen shows once everything it reads has come, if any.
    const screens: Array<[string, string, string?]> = [
      ['#/', 'My observations'],
      ['#/rounds', 'Blast Walkthrough rounds'],
      ['#/protocols', 'Protocols'],
      ['#/visits', 'Visits'],
      ['#/results', 'Results', '.results-layout, .results-choose'],
      ['#/admin', 'Schools and staff', 'section.audit-log'],
    ];
    for (const [hash, heading, settled] of screens) {
      await load(hash, heading);
      if (settled) await page.locator(settled).first().waitFor();
      await check(hash);
      expect(await unexpectedShifts(page), hash).toEqual([]);
    }
  });
});
