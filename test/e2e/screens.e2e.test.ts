import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './support/browser';
import { captureObservation } from './support/capture';
import { smallTargets } from './support/layout';
import { addSchool, signUpFirstAdmin } from './support/account';
import { startServer, type E2eServer } from './support/server';
import { waitForAllSynced } from './support/sync';

const shots = 'test-results/screenshots';
const sizes = [
  { name: 'landscape', width: 1024, height: 768 },
  { name: 'portrait', width: 768, height: 1024 },
] as const;

describe.each(sizes)('screens at $width x $height', (size) => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await signUpFirstAdmin(page, server);
    await addSchool(page);
    await page.getByText('Ready to work offline').waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function check(name: string) {
    await page.screenshot({ path: `${shots}/${name}-${size.name}.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  }

  it('shows an empty list that explains itself', async () => {
    await page.getByText('No observations on this device yet').waitFor();
    await check('list-empty');
  });

  it('shows the start form with field errors', async () => {
    await page.getByRole('link', { name: 'Start an observation' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByText('Room is required').waitFor();
    await page.getByText('Choose a grade band').waitFor();
    await check('start-errors');
    await page.getByRole('link', { name: 'Cancel' }).click();
  });

  it('captures with large targets and lists the result', async () => {
    await captureObservation(page, {
      school: 'Lincoln Elementary',
      room: '207',
      grade: 'Grade 6-8',
      subject: 'Science',
      observer: 'Ms. Okafor',
      answers: [
        { lookFor: 'Students work together on a shared task', answer: 'Seen' },
        { lookFor: 'Students ask questions of the teacher or each other', answer: 'N/A' },
      ],
      notes: 'Groups of four tested ramps; one student per group recorded times.',
    });
    await page.getByText('Room 207 · Grade 6-8 · Science').click();
    await page.getByRole('heading', { name: /Room 207/ }).waitFor();
    await check('capture-finished');

    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByRole('link', { name: 'Start an observation' }).click();
    // The school and observer are remembered for the next room.
    await page.waitForFunction(
      () => (document.querySelector<HTMLSelectElement>('#field-schoolId')?.value ?? '') !== '',
    );
    await expect(page.locator('#field-schoolId option:checked').textContent()).resolves.toBe(
      'Lincoln Elementary',
    );
    // The remembered name arrives from the device's prefs a moment after the form.
    await expect
      .poll(() => page.getByLabel('Observer (your name)').inputValue(), { timeout: 10_000 })
      .toBe('Ms. Okafor');
    await page.getByLabel('Room', { exact: true }).fill('114');
    await page.getByText('Grade K-2', { exact: true }).click();
    await page.getByLabel('Subject').fill('Math');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page
      .getByRole('group', { name: 'Students explain their thinking to a peer' })
      .getByRole('button', { name: 'Seen', exact: true })
      .click();
    await page.getByText('1 of 8 look-fors answered').waitFor();
    await check('capture-in-progress');

    await page.getByRole('link', { name: 'Save and leave' }).click();
    await waitForAllSynced(page);
    await check('list-synced');
    // The app runs entirely within its own Content-Security-Policy.
    expect(cspViolations).toEqual([]);
  });
});
