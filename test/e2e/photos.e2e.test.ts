import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSchool, signUpFirstAdmin } from './support/account';
import { launchChromium } from './support/browser';
import { startServer, type E2eServer } from './support/server';
import { inviteLink, joinWithLink, schoolIdOf, syncNow } from './support/visit-people';

/** A 2400x1800 photo of a task card, with camera data (EXIF, a GPS marker) in it. */
const taskCard = readFileSync('test/e2e/fixtures/task-card.jpg');
const SECRET = 'LOOKFOR-GPS-48.8566N-2.3522E';

describe('photos of student work, offline first', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
    await signUpFirstAdmin(page, server);
    await addSchool(page);
    await addSchool(page, 'Washington Middle');
    await page.getByText('Ready to work offline').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.dispose();
  });

  async function startObservation(room: string) {
    await page.goto(`${server.url}/#/`);
    await page.getByRole('heading', { name: 'My observations' }).waitFor();
    await page.getByRole('link', { name: 'Start an observation' }).click();
    await page.getByLabel('School').selectOption({ label: 'Lincoln Elementary' });
    await page.getByLabel('Room', { exact: true }).fill(room);
    await page.getByText('Grade 3-5', { exact: true }).click();
    await page.getByLabel('Subject').fill('Math');
    await page.getByLabel('Observer (your name)').fill('Coach Rivera');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('heading', { name: new RegExp(`Room ${room}`) }).waitFor();
  }
  /** A picture this device has never held, drawn by the browser's own canvas. */
  const drawn = async (title: string) =>
    Buffer.from(
      await page.evaluate((text) => {
        const canvas = document.createElement('canvas');
        canvas.width = 1200;
        canvas.height = 900;
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#f4efe1';
        context.fillRect(0, 0, 1200, 900);
        context.fillStyle = '#1c2426';
        context.font = 'bold 90px sans-serif';
        context.fillText(text, 120, 300);
        context.font = '60px sans-serif';
        context.fillText('1. Estimate  2. Solve  3. Check', 120, 480);
        return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]!;
      }, title),
      'base64',
    );
  /** The photo sheet in view at both tablet sizes, saved as `docs/screens/<name>-<size>.png`. */
  async function photoSheetShots(name: string) {
    for (const size of [
      { width: 1024, height: 768 },
      { width: 768, height: 1024 },
    ]) {
      await page.setViewportSize(size);
      await page.locator('.photo-sheet').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `docs/screens/${name}-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize({ width: 1024, height: 768 });
  }
  const addPhoto = (chooser: 'camera' | 'library', name: string) =>
    page
      .locator(
        chooser === 'camera' ? 'input[type=file][capture]' : 'input[type=file]:not([capture])',
      )
      .setInputFiles({ name, mimeType: 'image/jpeg', buffer: taskCard });

  it('keeps a photo taken offline beside its note, then the server holds exactly one copy', async () => {
    await server.stop();
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Offline').first().waitFor();

    await startObservation('114');
    await page.getByLabel('Low-inference notes').fill('Task card on the board: 48 ÷ 6 two ways.');
    await page.getByText('Photograph the work, not faces or names.').waitFor();
    await addPhoto('camera', 'task-card.jpg');
    await page.getByRole('img', { name: 'Photo 1' }).waitFor();
    await page.getByLabel('Caption for photo 1').fill('Task card');
    await addPhoto('library', 'task-card-2.jpg');
    // The same picture again is the same bytes: the device says so and keeps one.
    await page.getByRole('alert').getByText('This photo is already on this note').waitFor();
    expect(await page.locator('.photo-strip img').count()).toBe(1);

    await page.reload();
    await page.getByRole('img', { name: 'Photo 1: Task card' }).waitFor();
    await expect(page.getByLabel('Low-inference notes').inputValue()).resolves.toContain(
      'Task card on the board',
    );
    const shown = await page
      .getByRole('img', { name: 'Photo 1: Task card' })
      .evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }));
    expect(Math.max(shown.w, shown.h)).toBeLessThanOrEqual(1600);

    await server.start();
    await context.setOffline(false);
    await syncNow(page);

    const photos = server.query<{ hash: string; bytes: number }>('select hash, bytes from photos');
    expect(photos).toHaveLength(1);
    const hash = photos[0]!.hash;
    const records = server.query<{ data: string }>('select data from records');
    expect(records.map((r) => JSON.parse(r.data) as { photos?: Array<{ hash: string }> })).toEqual([
      expect.objectContaining({
        photos: [expect.objectContaining({ hash, caption: 'Task card' })],
      }),
    ]);
    const file = join(server.dataDir, 'photos', hash.slice(0, 2), hash);
    expect(existsSync(file)).toBe(true);
    const kept = readFileSync(file);
    expect(kept.byteLength).toBeLessThanOrEqual(400 * 1024);
    // Re-encoded on the device: no camera data, no location.
    expect(kept.includes(Buffer.from(SECRET))).toBe(false);
    expect(kept.includes(Buffer.from('Exif'))).toBe(false);

    // Its author reads it; a teacher of another school is told it does not exist.
    const mine = await page.request.get(`${server.url}/api/photos/${hash}`);
    expect(mine.status()).toBe(200);
    expect(mine.headers()['content-type']).toBe('image/jpeg');
    const other = await inviteLink(
      page,
      server,
      await schoolIdOf(page, server, 'Washington Middle'),
      'teacher',
      'tess@washington.example',
    );
    const teacher = await joinWithLink(
      browser,
      server,
      other,
      { name: 'Tess Teacher', email: 'tess@washington.example', password: 'another long phrase' },
      { width: 1024, height: 768 },
    );
    const theirs = await teacher.page.request.get(`${server.url}/api/photos/${hash}`);
    expect(theirs.status()).toBe(404);
    await teacher.context.close();
  });

  it('shows two photos on the capture screen at both tablet sizes', async () => {
    await startObservation('120');
    await addPhoto('camera', 'task-card.jpg');
    await page.getByRole('img', { name: 'Photo 1' }).waitFor();
    await page.locator('input[type=file]:not([capture])').setInputFiles({
      name: 'chart.jpg',
      mimeType: 'image/jpeg',
      buffer: await drawn('Anchor chart'),
    });
    await page.getByRole('img', { name: 'Photo 2' }).waitFor();
    await page.getByLabel('Caption for photo 2').fill('Anchor chart');
    await photoSheetShots('capture-photos');
  });

  it('tells the user when the device is full while saving a photo, and keeps the note', async () => {
    await startObservation('131');
    const notes = 'Exit tickets sorted into three piles.';
    await page.getByLabel('Low-inference notes').fill(notes);
    await page.getByText('Photograph the work, not faces or names.').waitFor();
    // A full disk, as IndexedDB reports it: writing the photo's bytes fails with
    // QuotaExceededError. (Chromium 156 headless ignores CDP's
    // Storage.overrideQuotaForOrigin, page or browser session, persistent profile
    // or not, so the store itself refuses the bytes here.)
    await page.evaluate(() => {
      for (const method of ['add', 'put'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args) {
          if (this.name === 'photos') {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          }
          return original.apply(this, args);
        } as typeof original;
      }
    });
    await page.locator('input[type=file][capture]').setInputFiles({
      name: 'tickets.jpg',
      mimeType: 'image/jpeg',
      buffer: await drawn('Exit tickets'),
    });
    await page.getByText('Your last change could not be saved on this device').waitFor();
    await page.getByText(/quota/i).first().waitFor();

    await page.reload();
    await page.getByRole('heading', { name: /Room 131/ }).waitFor();
    await expect(page.getByLabel('Low-inference notes').inputValue()).resolves.toBe(notes);
    await page.getByText('Photograph the work, not faces or names.').waitFor();
    expect(await page.locator('.photo-strip img').count()).toBe(0);
  });

  it('holds back only a note whose photo the school no longer takes, until its photo comes off', async () => {
    const lincoln = await schoolIdOf(page, server, 'Lincoln Elementary');
    // Offline in the room: a finished note with a photo, and nothing sent yet.
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Offline').first().waitFor();
    await startObservation('140');
    const id = new URL(page.url()).hash.split('/').at(-1)!;
    await page.getByLabel('Low-inference notes').fill('Partners checked each other’s work.');
    // A picture the server has never had (the task card went up in the first test).
    await page.locator('input[type=file][capture]').setInputFiles({
      name: 'partners.jpg',
      mimeType: 'image/jpeg',
      buffer: await drawn('Partners'),
    });
    await page.getByRole('img', { name: 'Photo 1' }).waitFor();
    await page.getByRole('button', { name: 'Finish observation' }).click();
    await page.getByRole('heading', { name: 'My observations' }).waitFor();

    // Meanwhile the school turns photos off.
    const off = await page.request.put(`${server.url}/api/schools/${lincoln}/photos`, {
      data: { photosAllowed: false },
    });
    expect(off.status()).toBe(200);
    await context.setOffline(false);
    await page.getByText('Needs a look').waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/#/observe/${id}`);
    await page
      .getByRole('alert')
      .getByText(/Photos are turned off for this school: take the photos off this note to send it/)
      .waitFor({ timeout: 30_000 });
    const sent = () =>
      server
        .query<{ data: string }>("select data from records where entity = 'observation'")
        .map((r) => JSON.parse(r.data) as { room: string; photos?: unknown[] })
        .filter((o) => o.room.includes('140'));
    expect(sent()).toEqual([]);

    // The refusal itself says photos are off: the finished note's photo can come off.
    await page.getByText(/Photos are turned off for this school\. A photo not sent yet/).waitFor();
    expect(await page.getByRole('button', { name: 'Add photo' }).count()).toBe(0);
    await photoSheetShots('photos-off-note');
    await page.getByRole('button', { name: 'Remove photo 1' }).click();
    await syncNow(page);
    expect(sent()).toEqual([expect.objectContaining({ photos: [] })]);
  });
});
