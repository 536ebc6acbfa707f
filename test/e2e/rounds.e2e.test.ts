import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/browser';
import { adminAndTwoCoaches, pushProtocol, useBrowserWorld } from './support/team';
import { lookFor, protocol, section } from '../support/factories';

const shots = 'docs/screens';
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];
const rooms = [
  ['101', 'K-2', 'Reading'],
  ['102', '3-5', 'Math'],
  ['103', '3-5', 'Science'],
  ['104', '6-8', 'Art'],
  ['105', 'K-2', 'Math'],
];
const roomCsv = `room,grade band,subject\n${rooms.map((r) => r.join(',')).join('\n')}\n`;
const lookFors = 10;
/** A district-wide blast protocol of ten seen / not seen look-fors, as the issue measures. */
const tenLookFors = protocol({
  id: 'ten-look-fors',
  name: 'Ten look-fors',
  kind: 'blast_walkthrough',
  sections: [
    section({
      lookFors: Array.from({ length: lookFors }, (_, i) =>
        lookFor({ id: `look-for-${i + 1}`, text: `Look-for number ${i + 1}` }),
      ),
    }),
  ],
});

/** The district admin publishes it through the sync API, as another device would. */
async function publishProtocol(admin: Page): Promise<void> {
  await pushProtocol(admin, tenLookFors);
  await admin.getByRole('button', { name: 'Sync now' }).click();
}

/** Everything a finger taps on the screen must be at least 44 px each way (a checkbox's label is its target). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'main button, main a.button, main select, main summary, main textarea, main .check, main input:not([type="checkbox"]):not(.visually-hidden)',
      ),
    ]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ el, box }) => `${el.textContent?.trim() || el.id} ${box.width}x${box.height}`),
  );
}

async function shoot(page: Page, name: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    expect(await smallTargets(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${shots}/rounds-${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(sizes[0]!);
}

/** Taps every look-for "Seen" and returns how many taps it took. */
async function tapLookFors(page: Page, from = 0): Promise<number> {
  const groups = page.locator('.look-for [role="group"]');
  await groups.first().waitFor();
  let taps = 0;
  for (let i = from; i < (await groups.count()); i += 1) {
    const seen = groups.nth(i).getByRole('button', { name: 'Seen', exact: true });
    await seen.click();
    await expect.poll(() => seen.getAttribute('aria-pressed')).toBe('true');
    taps += 1;
  }
  return taps;
}

describe('a Blast Walkthrough round, walked offline by a team of two', () => {
  const world = useBrowserWorld(sizes[0]!);

  it('plans, walks offline with a reload mid-visit, syncs, and shows the team progress', async () => {
    const { admin, rivera: coach1, kim: coach2 } = await adminAndTwoCoaches(world);

    // The admin plans a 5-room round for the two coaches.
    await publishProtocol(admin);
    await admin.getByRole('link', { name: 'Rounds' }).click();
    await admin.getByRole('link', { name: 'Plan a round' }).click();
    await admin.getByLabel('Round name').fill('November blast');
    await admin.getByLabel('Protocol (published versions)').selectOption('ten-look-fors@1');
    await admin
      .getByLabel('Purpose, shared with staff before the walk')
      .fill('Where do students explain their thinking? Non-evaluative: rooms, never teachers.');
    await admin.getByRole('button', { name: 'Create round' }).click();
    await admin.getByRole('heading', { name: 'Plan: November blast' }).waitFor();
    await admin.getByLabel(/Coach Rivera/).check();
    await admin.getByLabel(/Coach Kim/).check();
    await admin.locator('input[type="file"]').setInputFiles({
      name: 'rooms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(roomCsv),
    });
    await admin.getByText('Imported 5 rooms from rooms.csv.').waitFor();
    await admin.getByRole('button', { name: 'Split rooms among the team' }).click();
    await admin.getByText(/All synced/).waitFor({ timeout: 30_000 });
    expect(await axeViolations(admin)).toEqual([]);
    await shoot(admin, 'planner');

    // Coach 1's tablet receives the plan, then loses the network entirely.
    const { page, context } = coach1;
    await page.getByText('Ready to work offline').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('link', { name: 'Rounds' }).click();
    await page.getByRole('link', { name: 'November blast' }).click();
    await page.getByText('Next: Room 101, Grade K-2, Reading').waitFor();
    await world.server.stop();
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Next: Room 101, Grade K-2, Reading').waitFor();

    // One classroom, timed and counted from the queue.
    const started = Date.now();
    let taps = 0;
    await page.getByRole('button', { name: /^Start visit/ }).click();
    taps += 1;
    taps += await tapLookFors(page);
    await page.getByRole('button', { name: 'Finish and next room' }).click();
    taps += 1;
    await page.getByRole('heading', { name: 'Room 102, Grade 3-5, Math' }).waitFor();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `One classroom (${lookFors} look-fors): ${taps} taps, ${seconds.toFixed(1)} s scripted`,
    );
    expect(taps).toBeLessThanOrEqual(15);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'walking');

    // Mid-visit the tablet reloads: the same visit comes back with its taps.
    const first = page.locator('.look-for [role="group"]').first();
    await first.getByRole('button', { name: 'Not seen' }).click();
    await expect
      .poll(() => first.getByRole('button', { name: 'Not seen' }).getAttribute('aria-pressed'))
      .toBe('true');
    // Pressed shows at once; the count comes from the stored visit, so the tap is kept.
    await page.getByText('1 of 10 look-fors answered').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Room 102, Grade 3-5, Math' }).waitFor();
    await expect
      .poll(() =>
        page
          .locator('.look-for [role="group"]')
          .first()
          .getByRole('button', { name: 'Not seen' })
          .getAttribute('aria-pressed'),
      )
      .toBe('true');
    await tapLookFors(page, 1);
    await page.getByRole('button', { name: 'Finish and next room' }).click();
    await page.getByRole('heading', { name: 'Room 103, Grade 3-5, Science' }).waitFor();
    await tapLookFors(page);
    await page.getByRole('button', { name: 'Finish visit' }).click();
    await page.getByText('Every room in your queue is visited.').waitFor();
    await page.getByText('3 of 5 rooms').waitFor();
    expect(world.server.query("select * from records where entity = 'observation'")).toHaveLength(
      0,
    );

    // Back online: the visits sync, and coach 2's device shows the team's progress.
    await world.server.start();
    await context.setOffline(false);
    await page.getByText(/All synced/).waitFor({ timeout: 30_000 });
    const visits = world.server.query<{ data: string }>(
      "select data from records where entity = 'observation'",
    );
    expect(visits).toHaveLength(3);
    for (const v of visits) expect(JSON.parse(v.data)).toMatchObject({ status: 'complete' });

    const other = coach2.page;
    await other.getByRole('button', { name: 'Sync now' }).click();
    await other.getByRole('link', { name: 'Rounds' }).click();
    await other.getByRole('link', { name: 'November blast' }).waitFor();
    await other.getByText('3 of 5 rooms').waitFor({ timeout: 30_000 });
    await other.getByText('Mine: 0 of 2').waitFor();
    expect(await axeViolations(other)).toEqual([]);
    await shoot(other, 'list');
  });
});
