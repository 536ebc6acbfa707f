import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { E2eServer } from './server';

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** The admin's browser asks the real API for an invite link to the school. */
export async function inviteLink(
  admin: Page,
  server: E2eServer,
  schoolId: string,
  role: 'teacher' | 'coach' | 'principal',
  email: string,
): Promise<string> {
  const res = await admin.request.post(`${server.url}/api/admin/invites`, {
    data: { schoolId, role, email },
    headers: { origin: server.url },
  });
  if (res.status() !== 201) throw new Error(`invite answered ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { link: string }).link;
}

export async function schoolIdOf(admin: Page, server: E2eServer, name: string): Promise<string> {
  const res = await admin.request.get(`${server.url}/api/admin/schools`);
  const { schools } = (await res.json()) as { schools: Array<{ id: string; name: string }> };
  const school = schools.find((s) => s.name === name);
  if (!school) throw new Error(`no school ${name}`);
  return school.id;
}

/** A person opens their invite link in a browser of their own and creates the account. */
export async function joinWithLink(
  browser: Browser,
  server: E2eServer,
  link: string,
  who: Person,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.url}${link}`);
  await page.getByRole('heading', { name: 'Join Lookfor' }).waitFor();
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'My observations' }).waitFor();
  return { context, page };
}

/** Sync now, then wait until the status says everything is on the server. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page
    .getByTestId('sync-status')
    .getByText(/All synced/)
    .waitFor({ timeout: 30_000 });
  // A second round settles edits made while the first was in flight.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page
    .getByTestId('sync-status')
    .getByText(/All synced/)
    .waitFor({ timeout: 30_000 });
}

/** Every record in this browser's device databases, as text. */
export async function deviceRecords(page: Page): Promise<Array<{ entity: string; data: unknown }>> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const out: Array<{ entity: string; data: unknown }> = [];
    for (const name of names.filter((n) => n.startsWith('lookfor'))) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      if (!db.objectStoreNames.contains('records')) {
        db.close();
        continue;
      }
      const rows = await new Promise<Array<{ entity: string; data: unknown }>>(
        (resolve, reject) => {
          const request = db.transaction('records').objectStore('records').getAll();
          request.onsuccess = () =>
            resolve(request.result as Array<{ entity: string; data: unknown }>);
          request.onerror = () => reject(request.error);
        },
      );
      out.push(...rows.map((r) => ({ entity: r.entity, data: r.data })));
      db.close();
    }
    return out;
  });
}

/** Small targets a finger would miss; a checkbox counts by the label that holds it. */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, a.button, input, textarea, select, summary',
      ),
    ]
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const target =
          el instanceof HTMLInputElement && el.type === 'checkbox'
            ? (el.closest('label') ?? el)
            : el;
        return { el, box: target.getBoundingClientRect() };
      })
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ el, box }) => `${el.textContent?.trim() || el.id} ${box.width}x${box.height}`),
  );
}

export const readDownload = (path: string) => readFileSync(path, 'utf8');
