import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './support/browser';
import { addSchool, signUpFirstAdmin } from './support/account';
import { startServer, type E2eServer } from './support/server';

const shots = 'test-results/screenshots';

describe('a school protocol, made offline and changed later', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
    await signUpFirstAdmin(page, server);
    await addSchool(page);
    await page.getByText('Ready to work offline').waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.dispose();
  });

  it('is built and published offline, used at once, versioned, and synced', async () => {
    await server.stop();
    await context.setOffline(true);

    await page.getByRole('link', { name: 'Protocols', exact: true }).click();
    await page.getByLabel('New protocol name').fill('Lincoln look-fors');
    await page.getByRole('button', { name: 'Create protocol' }).click();
    await page.getByRole('button', { name: 'Publish version 1' }).waitFor();
    await page.getByLabel('Section title').fill('Students doing');
    await page.getByLabel('Focus').selectOption('students');
    await page.getByRole('button', { name: 'Add look-for' }).click();
    await page.getByLabel('What to look for').first().fill('Students talk to a peer');
    await page
      .getByLabel('What it looks like / sounds like (optional)')
      .first()
      .fill('Turn-and-talk');
    await page.getByRole('button', { name: 'Add look-for' }).click();
    await page.getByLabel('What to look for').nth(1).fill('Students use a checklist');
    await page.getByLabel('Response').nth(1).selectOption('scale');
    await page.getByLabel('Level 3', { exact: true }).waitFor();

    // The order of the look-for texts on screen.
    const texts = () =>
      page
        .getByLabel('What to look for')
        .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    // Reorder with the keyboard: focus the arrow buttons and press Enter.
    await page.getByRole('button', { name: 'Move look-for 2 up' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(texts, { timeout: 10_000 })
      .toEqual(['Students use a checklist', 'Students talk to a peer']);
    await page.getByRole('button', { name: 'Move look-for 1 down' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(texts, { timeout: 10_000 })
      .toEqual(['Students talk to a peer', 'Students use a checklist']);

    await page.screenshot({ path: `${shots}/protocol-editor-landscape.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: `${shots}/protocol-editor-portrait.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });

    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published version 1. Observers can use it now.').waitFor();
    // Every edit above reached IndexedDB: no save was refused on the way.
    expect(await page.getByText('could not be saved').count()).toBe(0);

    // Use it the same minute.
    await page.getByRole('link', { name: 'Observations', exact: true }).click();
    await page.getByRole('link', { name: 'Start an observation' }).click();
    await page.getByLabel(/Lincoln look-fors/).check();
    await page.getByLabel('School').selectOption({ label: 'Lincoln Elementary' });
    await page.getByLabel('Room', { exact: true }).fill('204');
    await page.getByText('Grade 3-5', { exact: true }).click();
    await page.getByLabel('Subject').fill('Science');
    await page.getByLabel('Observer (your name)').fill('Coach Rivera');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page
      .getByRole('group', { name: 'Students talk to a peer' })
      .getByRole('button', { name: 'Seen', exact: true })
      .click();
    await page
      .getByRole('group', { name: 'Students use a checklist' })
      .getByRole('button', { name: 'Emerging' })
      .click();
    await page.getByText('2 of 2 look-fors answered').waitFor();
    await page.getByRole('button', { name: 'Finish observation' }).click();

    // Next month: reword the look-for in version 2.
    await page.getByRole('link', { name: 'Protocols', exact: true }).click();
    await page.getByRole('link', { name: /Version 1 · published/ }).click();
    await page.getByRole('button', { name: 'Edit as version 2' }).click();
    await page.getByRole('button', { name: 'Publish version 2' }).waitFor();
    await page
      .getByLabel('What to look for')
      .first()
      .fill('Students explain their thinking to a peer');
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published version 2. Observers can use it now.').waitFor();

    // The observation still reads as it was recorded, under version 1.
    await page.getByRole('link', { name: 'Observations', exact: true }).click();
    await page.getByText('Room 204 · Grade 3-5 · Science').click();
    await page.getByText('Lincoln look-fors v1').waitFor();
    await page.getByRole('group', { name: 'Students talk to a peer' }).waitFor();
    expect(await page.getByText('Students explain their thinking to a peer').count()).toBe(0);

    // The network returns: protocol versions and the observation sync, in order.
    await server.start();
    await context.setOffline(false);
    await page.getByText(/All synced/).waitFor({ timeout: 30_000 });
    const rows = server.query<{ entity: string; entity_id: string; data: string }>(
      'select entity, entity_id, data from records order by server_seq',
    );
    // In the order they were made: v1 reaches the server before the observation that uses it.
    expect(rows.map((r) => r.entity)).toEqual(['protocol', 'observation', 'protocol']);
    const [v1, observed, v2] = rows.map((r) => JSON.parse(r.data) as Record<string, unknown>);
    expect(v1).toMatchObject({ version: 1, status: 'published' });
    expect(v2).toMatchObject({ version: 2, status: 'published' });
    expect(observed).toMatchObject({ protocolVersion: 1, status: 'complete' });
    expect(server.query("select * from mutations where status = 'rejected'")).toEqual([]);
  });

  it('lists the library accessibly at tablet sizes', async () => {
    await page.getByRole('link', { name: 'Protocols', exact: true }).click();
    await page.getByRole('link', { name: /Version 2 · published/ }).waitFor();
    await page.screenshot({ path: `${shots}/protocol-library-landscape.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: `${shots}/protocol-library-portrait.png`, fullPage: true });

    const schema = await fetch(`${server.url}/schemas/protocol-file.v1.schema.json`);
    expect(schema.status).toBe(200);
    expect(await schema.json()).toMatchObject({ $id: '/schemas/protocol-file.v1.schema.json' });
  });

  it('is handed to another school as a file', async () => {
    await page.getByRole('link', { name: /Version 2 · published/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export file' }).click(),
    ]);
    const file = join(server.dataDir, 'exported.lookfor.json');
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'lookfor-protocol',
      protocol: { version: 2, name: 'Lincoln look-fors' },
    });

    const otherSchool = await startServer();
    const otherContext = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    try {
      const other = await otherContext.newPage();
      await signUpFirstAdmin(other, otherSchool);
      await other.getByRole('link', { name: 'Protocols', exact: true }).click();
      await other.locator('#import-file').setInputFiles(file);
      await other.getByRole('button', { name: 'Publish version 1' }).waitFor();
      await expect(other.getByLabel('What to look for').first().inputValue()).resolves.toBe(
        'Students explain their thinking to a peer',
      );
      await other.getByRole('button', { name: 'Publish version 1' }).click();
      await other.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
      await other.getByText('Published version 1. Observers can use it now.').waitFor();
      await other.getByText(/All synced/).waitFor({ timeout: 30_000 });
      const rows = otherSchool.query<{ data: string }>(
        "select data from records where entity = 'protocol'",
      );
      expect(rows.map((r) => JSON.parse(r.data) as Record<string, unknown>)).toEqual([
        expect.objectContaining({ name: 'Lincoln look-fors', version: 1, status: 'published' }),
      ]);
    } finally {
      await otherContext.close();
      await otherSchool.dispose();
    }
  });
});
