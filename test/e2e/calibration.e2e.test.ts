import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lookFor, protocol, section } from '../support/factories';
import { axeViolations } from './support/browser';
import { horizontalOverflow, smallTargets } from './support/layout';
import { adminAndTwoCoaches, pushProtocol, useBrowserWorld } from './support/team';
import { syncNow } from './support/visit-people';

const shots = 'docs/screens';
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];
const roomCsv = 'room,grade band,subject\n101,K-2,Reading\n102,3-5,Math\n103,6-8,Science\n';
const calibrationProtocol = protocol({
  id: 'calibration-three',
  name: 'Three look-fors',
  kind: 'blast_walkthrough',
  sections: [
    section({
      lookFors: [
        lookFor({ id: 'explain', text: 'Students explain their thinking to a peer' }),
        lookFor({ id: 'goal', text: 'The learning goal is posted' }),
        lookFor({ id: 'choice', text: 'Students choose how to show their learning' }),
      ],
    }),
  ],
});
type Answer = 'Seen' | 'Not seen';

/** The district admin publishes it through the sync API, as another device would. */
/** One room: an answer per look-for, in order, and the notes. */
async function publishProtocol(admin: Page): Promise<void> {
  await pushProtocol(admin, calibrationProtocol);
}

async function recordRoom(page: Page, answers: Answer[], notes: string) {
  const groups = page.locator('.look-for [role="group"]');
  await groups.first().waitFor();
  for (const [i, answer] of answers.entries()) {
    const button = groups.nth(i).getByRole('button', { name: answer, exact: true });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
  }
  await page.getByLabel('Low-inference notes').fill(notes);
}

async function shoot(page: Page, name: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    expect(await smallTargets(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: `${shots}/${name}-${size.width}x${size.height}.png`,
      fullPage: true,
    });
  }
  await page.setViewportSize(sizes[0]!);
}

describe('a calibration round, walked offline by two coaches', () => {
  const world = useBrowserWorld(sizes[0]!);

  it('pairs their visits to three rooms and shows where they agreed and differed', async () => {
    const { admin, rivera, kim } = await adminAndTwoCoaches(world);

    // The admin plans a calibration round of three rooms for both coaches.
    await publishProtocol(admin);
    await admin.getByRole('button', { name: 'Sync now' }).click();
    await admin.getByRole('link', { name: 'Rounds' }).click();
    await admin.getByRole('link', { name: 'Plan a round' }).click();
    await admin.getByLabel('Round name').fill('Morning calibration');
    await admin
      .getByLabel('Protocol (published versions)')
      .selectOption(`${calibrationProtocol.id}@1`);
    await admin.getByLabel('Calibration round').check();
    await admin.getByRole('button', { name: 'Create round' }).click();
    await admin.getByRole('heading', { name: 'Plan: Morning calibration' }).waitFor();
    expect(await admin.getByLabel('Calibration round').isChecked()).toBe(true);
    await admin.getByLabel(/Coach Rivera/).check();
    await admin.getByLabel(/Coach Kim/).check();
    await admin.locator('input[type="file"]').setInputFiles({
      name: 'rooms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(roomCsv),
    });
    await admin.getByText('Imported 3 rooms from rooms.csv.').waitFor();
    await syncNow(admin);

    // Both tablets receive the plan, then go offline.
    for (const { page, context } of [rivera, kim]) {
      await page.getByText('Ready to work offline').waitFor({ timeout: 30_000 });
      await syncNow(page);
      await page.getByRole('link', { name: 'Rounds' }).click();
      await page.getByRole('link', { name: 'Morning calibration' }).click();
      await page.getByText('Next: Room 101, Grade K-2, Reading').waitFor();
      await context.setOffline(true);
    }

    // Each records the same three rooms separately; they differ in some answers.
    const walks: Array<[Page, Array<[Answer[], string]>]> = [
      [
        rivera.page,
        [
          [['Seen', 'Seen', 'Not seen'], 'Pairs compared two strategies at table 3.'],
          [['Seen', 'Seen', 'Seen'], 'Three students chose a poster, two a video.'],
          [['Not seen', 'Seen', 'Not seen'], 'Students worked alone on the worksheet.'],
        ],
      ],
      [
        kim.page,
        [
          [['Not seen', 'Seen', 'Not seen'], 'A great lesson.'],
          [['Seen', 'Seen', 'Not seen'], 'Everyone made the same poster.'],
          [['Not seen', 'Seen', 'Not seen'], 'Silent work for ten minutes.'],
        ],
      ],
    ];
    for (const [page, rooms] of walks) {
      await page.getByRole('button', { name: /^Start visit/ }).click();
      for (const [i, [answers, notes]] of rooms.entries()) {
        await page.getByRole('heading', { name: new RegExp(`^Room 10${i + 1}`) }).waitFor();
        await recordRoom(page, answers, notes);
        if (notes.includes('great')) {
          // The nudge appears under the note, on the device, offline.
          await page
            .locator('.nudge-line')
            .getByText('“great lesson” — What did you see or hear?', { exact: false })
            .waitFor();
          expect(await axeViolations(page)).toEqual([]);
          await shoot(page, 'calibration-nudge');
        }
        const last = i === rooms.length - 1;
        await page
          .getByRole('button', { name: last ? 'Finish visit' : 'Finish and next room' })
          .click();
      }
      await page.getByText('Every room in your queue is visited.').waitFor();
    }

    // Back online, both sync; the team sees its agreement and each disagreement.
    for (const { page, context } of [rivera, kim]) {
      await context.setOffline(false);
      await syncNow(page);
    }
    const page = rivera.page;
    await page.getByRole('link', { name: 'Calibration' }).click();
    await page.getByText('3 rooms visited together by Coach Kim, Coach Rivera.').waitFor();
    const row = (text: string) =>
      page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: text }) });
    await expect
      .poll(() => row('Students explain their thinking to a peer').innerText())
      .toMatch(/3\s+67%\s+0\.40/);
    await expect.poll(() => row('The learning goal is posted').innerText()).toMatch(/100%\s+—/);
    const differed = page.getByRole('region', { name: 'Room 101' });
    await differed.getByText('Pairs compared two strategies at table 3.').waitFor();
    await differed.getByText('A great lesson.').waitFor();
    expect(await page.getByRole('region', { name: 'Room 102' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'calibration-report');
  });
});
