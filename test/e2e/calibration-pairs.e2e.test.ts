import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/browser';
import { horizontalOverflow, smallTargets } from './support/layout';
import { waitForAllSynced } from './support/sync';
import { adminAndTwoCoaches, useBrowserWorld } from './support/team';

const shots = 'docs/screens';
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];

/** One room outside any round, recorded with a named calibration partner. */
async function recordPaired(
  page: Page,
  room: { name: string; partner: string; observer: string },
  answers: string[],
  notes: string,
) {
  await page.getByRole('link', { name: 'Observations' }).click();
  await page.getByRole('link', { name: 'Start an observation' }).click();
  await page.getByRole('radio', { name: /Empowered Learning/ }).check();
  await page.getByLabel('School').selectOption({ label: 'Lincoln Elementary' });
  await page.getByLabel('Room', { exact: true }).fill(room.name);
  await page.getByText('Grade 3-5', { exact: true }).click();
  await page.getByLabel('Subject').fill('Math');
  await page.getByLabel('Observer (your name)').fill(room.observer);
  // The colleague list comes from the server the first time, then from the device.
  await page.getByLabel(/Calibrating with/).selectOption({ label: room.partner });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`Room ${room.name}`) }).waitFor();
  const groups = page.locator('.look-for [role="group"]');
  for (const [i, answer] of answers.entries()) {
    const button = groups.nth(i).getByRole('button', { name: answer, exact: true });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
  }
  await page.getByLabel('Low-inference notes').fill(notes);
  await page.getByRole('button', { name: 'Finish observation' }).click();
  await page.getByRole('heading', { name: 'My observations' }).waitFor();
}

describe('two colleagues calibrating outside a round', () => {
  const world = useBrowserWorld(sizes[0]!);

  it('pair up for two rooms, sync, and each sees where they agreed and differed', async () => {
    const { rivera, kim } = await adminAndTwoCoaches(world);
    const asRivera = { partner: 'Coach Kim', observer: 'Coach Rivera' };
    const asKim = { partner: 'Coach Rivera', observer: 'Coach Kim' };

    await recordPaired(
      rivera.page,
      { name: '201', ...asRivera },
      ['Seen', 'Seen', 'Not seen'],
      'Rivera: two pairs explained a strategy to each other.',
    );
    await recordPaired(
      kim.page,
      { name: '201', ...asKim },
      ['Seen', 'Not seen', 'Not seen'],
      'Kim: one pair talked; the rest worked alone.',
    );
    await recordPaired(rivera.page, { name: '202', ...asRivera }, ['Seen', 'Seen'], 'Rivera 202');
    await recordPaired(kim.page, { name: '202', ...asKim }, ['Seen', 'Seen'], 'Kim 202');
    for (const page of [rivera.page, kim.page]) {
      await page.getByRole('button', { name: 'Sync now' }).click();
      await waitForAllSynced(page);
    }

    // Each sees the other as a partner with two rooms, and how they agreed.
    for (const [page, partner] of [
      [rivera.page, 'Coach Kim'],
      [kim.page, 'Coach Rivera'],
    ] as const) {
      await page.getByRole('link', { name: 'Observations' }).click();
      await page.getByRole('link', { name: 'Calibration partners' }).click();
      await page.getByRole('heading', { name: 'My calibration partners' }).waitFor();
      await page
        .getByRole('link', { name: new RegExp(`${partner}.*2 rooms visited together`) })
        .click();
      await page.getByRole('heading', { level: 2, name: `Calibration with ${partner}` }).waitFor();
    }

    // The one disagreement (the second look-for in room 201) sits beside both notes.
    const page = rivera.page;
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('Room 201');
    const text = (await main.textContent()) ?? '';
    expect(text).toContain('Rivera: two pairs explained a strategy to each other.');
    expect(text).toContain('Kim: one pair talked; the rest worked alone.');
    expect(text).not.toContain('Rivera 202');
    for (const size of sizes) {
      await page.setViewportSize(size);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await smallTargets(page)).toEqual([]);
      const serious = (await axeViolations(page)).filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(serious).toEqual([]);
      await page.screenshot({
        path: `${shots}/calibration-pair-${size.width}x${size.height}.png`,
        fullPage: true,
      });
    }
  });
});
