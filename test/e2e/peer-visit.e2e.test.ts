import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSchool, signUpFirstAdmin } from './support/account';
import { axeViolations, launchChromium } from './support/browser';
import { startServer, type E2eServer } from './support/server';
import {
  deviceRecords,
  inviteLink,
  joinWithLink,
  readDownload,
  schoolIdOf,
  smallTargets,
  syncNow,
} from './support/visit-people';

const SCHOOL = 'Lincoln Elementary';
const HOST = { name: 'Hana Host', email: 'hana@lincoln.example', password: 'host password 1' };
const OBSERVER = {
  name: 'Omar Observer',
  email: 'omar@lincoln.example',
  password: 'observer pw 22',
};
const PRINCIPAL = {
  name: 'Pat Principal',
  email: 'pat@lincoln.example',
  password: 'principal pw 3',
};
const FOCUS = 'How do partners explain their strategies to each other?';
// Every note part carries a marker, so a leak anywhere is found by text.
const NOTE = {
  noticings: 'NOTICING-4471 four of six pairs compared strategies',
  teacher: 'TEACHERDOING-4472 asked who can say it another way',
  students: 'STUDENTSDOING-4473 pointed at each other’s boards',
  wonderings: 'WONDERINGS-4474 what happens in groups of three',
  glow: 'GLOW-4475 the partner talk stems',
  wonder: 'WONDER-4476 could the stems live on the tables',
  reflection: 'PRIVATE-4477 I will try stems in my room',
};
const privateParts = [
  NOTE.noticings,
  NOTE.teacher,
  NOTE.students,
  NOTE.wonderings,
  NOTE.reflection,
];
const allNoteText = Object.values(NOTE);
const markers = allNoteText.map((t) => t.split(' ')[0]!);
const HOST_REFLECTION = 'HOSTREFLECTION-4478 I will slow down the turn and talk';
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];

describe('a peer visit from offer to debrief, and what the principal sees', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let host: Page;
  let observer: Page;
  let principal: Page;
  let schoolId: string;

  /** Screenshots of a main screen at both tablet sizes, each checked by axe and for target sizes. */
  async function shoot(page: Page, name: string, show?: Locator) {
    const before = page.viewportSize();
    for (const size of sizes) {
      await page.setViewportSize(size);
      // What the tablet shows: the top of the screen, or the part a step is about.
      if (show) await show.scrollIntoViewIfNeeded();
      else await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: `docs/screens/visits-${name}-${size.width}x${size.height}.png`,
      });
      expect(await axeViolations(page), `${name} ${size.width}`).toEqual([]);
      expect(await smallTargets(page), `${name} ${size.width}`).toEqual([]);
    }
    if (before) await page.setViewportSize(before);
  }

  async function join(
    who: typeof HOST,
    role: 'teacher' | 'principal',
    width: number,
    height: number,
  ) {
    const link = await inviteLink(admin, server, schoolId, role, who.email);
    const { context, page } = await joinWithLink(browser, server, link, who, { width, height });
    contexts.push(context);
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    contexts.push(context);
    admin = await context.newPage();
    await signUpFirstAdmin(admin, server);
    await addSchool(admin, SCHOOL);
    schoolId = await schoolIdOf(admin, server, SCHOOL);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.dispose();
  });

  it('lets a host open their door and a colleague book it, asking for a substitute', async () => {
    host = await join(HOST, 'teacher', 1024, 768);
    await host.getByRole('link', { name: 'Visits', exact: true }).click();
    await host.getByRole('link', { name: 'Open my door' }).click();
    await host.getByRole('heading', { name: 'Open my door' }).waitFor();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await host.getByLabel('Date').fill(tomorrow);
    await host.getByLabel('Time').fill('13:15');
    await host.getByLabel('Minutes').fill('25');
    await host.getByLabel('Room').fill('Room 114');
    await host.getByLabel("What I'd like you to notice").fill(FOCUS);
    await shoot(host, 'offer-form');
    await host.getByRole('button', { name: 'Post the offer' }).click();
    await host.getByRole('heading', { name: /Peer visit · your room, Room 114/ }).waitFor();
    await syncNow(host);

    observer = await join(OBSERVER, 'teacher', 768, 1024);
    await observer.getByRole('link', { name: 'Visits', exact: true }).click();
    await syncNow(observer);
    await observer.getByText(FOCUS).waitFor();
    await shoot(observer, 'open-doors');
    await observer.getByLabel('My class needs a substitute while I visit').check();
    await observer.getByRole('button', { name: /Book this visit to Hana Host/ }).click();
    await observer.getByRole('button', { name: 'Take notes' }).waitFor();
    await syncNow(observer);
    await shoot(observer, 'visit');

    const [download] = await Promise.all([
      observer.waitForEvent('download'),
      observer.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
    ]);
    const ics = readDownload((await download.path())!).replace(/\r\n[ \t]/g, '');
    expect(download.suggestedFilename()).toBe(`visit-${tomorrow}-Room-114.ics`);
    expect(ics).toContain(`DTSTART:${tomorrow.replace(/-/g, '')}T`);
    expect(ics).toContain('DURATION:PT25M');
    expect(ics).toContain(FOCUS.replace(/,/g, '\\,').slice(0, 40));
  });

  it('keeps the observer’s notes theirs, offline, and shares exactly the ticked parts', async () => {
    // No Wi-Fi in the host's room: the server is gone for the whole visit.
    await server.stop();
    await observer.context().setOffline(true);
    await observer.getByRole('button', { name: 'Take notes' }).click();
    await observer.getByRole('note', { name: "The host's focus" }).getByText(FOCUS).waitFor();
    await observer.getByRole('textbox', { name: 'Noticings', exact: true }).fill(NOTE.noticings);
    await observer.getByRole('textbox', { name: 'Teacher doing', exact: true }).fill(NOTE.teacher);
    await observer
      .getByRole('textbox', { name: 'Students doing', exact: true })
      .fill(NOTE.students);
    await observer.getByRole('textbox', { name: 'Wonderings', exact: true }).fill(NOTE.wonderings);
    await shoot(observer, 'notes');
    // Leaving mid-visit loses nothing: a reload, offline, comes back to the same notes.
    await observer.reload();
    await observer.getByLabel('Noticings').waitFor();
    expect(await observer.getByLabel('Noticings').inputValue()).toBe(NOTE.noticings);
    await observer.getByRole('button', { name: 'Finish the visit' }).click();

    await observer.getByRole('heading', { name: 'After your visit to Hana Host' }).waitFor();
    for (const box of await observer.getByRole('checkbox').all())
      expect(await box.isChecked()).toBe(false);
    await observer.getByLabel('One glow').fill(NOTE.glow);
    await observer.getByLabel('One wonder').fill(NOTE.wonder);
    await observer.getByLabel('Glow', { exact: true }).check();
    await observer.getByLabel('Wonder', { exact: true }).check();
    await observer.getByLabel('What I will try in my room').fill(NOTE.reflection);
    await shoot(observer, 'afterwards', observer.getByLabel('What I will try in my room'));
    await observer
      .getByTestId('sync-status')
      .getByText(/Offline/)
      .waitFor();

    await server.start();
    await observer.context().setOffline(false);
    await syncNow(observer);
  });

  it('gives the host the shared glow and wonder only, and both reflections in the debrief', async () => {
    await syncNow(host);
    await host.getByRole('link', { name: 'Visits', exact: true }).click();
    await host.getByRole('link', { name: /Peer visit · your room, Room 114/ }).click();
    await host.getByText('Substitute asked for, not arranged yet').waitFor();
    await host.getByRole('link', { name: 'Debrief' }).click();
    await host.getByText(NOTE.glow).waitFor();
    await host.getByText(NOTE.wonder).waitFor();
    await host.getByLabel(/Your reflection/).fill(HOST_REFLECTION);
    await syncNow(host);
    const hostText = await host.locator('body').innerText();
    for (const secret of privateParts) expect(hostText).not.toContain(secret);
    const onHostDevice = JSON.stringify(await deviceRecords(host));
    for (const secret of privateParts) expect(onHostDevice).not.toContain(secret.split(' ')[0]);
    await shoot(host, 'debrief-host');

    await syncNow(observer);
    await observer.getByRole('link', { name: 'Debrief' }).click();
    await observer.getByText(HOST_REFLECTION).waitFor();
    await shoot(observer, 'debrief-observer');
  });

  it('shows the principal the coverage flag to arrange, and no note text anywhere', async () => {
    principal = await join(PRINCIPAL, 'principal', 1024, 768);
    await principal.getByRole('link', { name: 'Visits', exact: true }).click();
    await syncNow(principal);
    await principal.getByRole('link', { name: 'Sub coverage' }).click();
    const item = principal
      .getByRole('listitem')
      .filter({ hasText: 'Omar Observer visits Hana Host, Room 114' });
    await item.waitFor();
    const arranged = item.getByLabel('Substitute arranged');
    expect(await arranged.isChecked()).toBe(false);
    await shoot(principal, 'coverage');
    await arranged.check();
    await syncNow(principal);
    const [stored] = server.query<{ data: string }>(
      "select data from records where entity = 'visit'",
    );
    expect(JSON.parse(stored!.data)).toMatchObject({ needsCoverage: true, coverageArranged: true });

    // Everything the principal can open shows logistics, never a word of the notes.
    const pages: string[] = [await principal.locator('body').innerText()];
    await principal.getByRole('link', { name: 'Back to visits' }).click();
    pages.push(await principal.locator('body').innerText());
    await principal.goto(`${server.url}/#/visits/${JSON.parse(stored!.data).id as string}/debrief`);
    await principal.getByText(/Only the host and the observer/).waitFor();
    pages.push(await principal.locator('body').innerText());
    for (const text of pages) for (const marker of markers) expect(text).not.toContain(marker);

    const pulled = await deviceRecords(principal);
    expect(pulled.some((r) => r.entity === 'visit')).toBe(true);
    expect(pulled.filter((r) => r.entity === 'visit-note' || r.entity === 'shared-note')).toEqual(
      [],
    );
    const pulledText = JSON.stringify(pulled);
    for (const marker of [...markers, 'HOSTREFLECTION']) expect(pulledText).not.toContain(marker);
    const exported = await (await principal.request.get(`${server.url}/api/me/export`)).text();
    for (const marker of markers) expect(exported).not.toContain(marker);

    // The observer's tablet learns the cover was arranged.
    await syncNow(observer);
    await observer.getByRole('link', { name: 'Back to the visit' }).click();
    await observer.getByText('Substitute arranged').waitFor();
  });
});
