import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { protocolKey, type Protocol } from '../../../src/shared/protocol';
import { addSchool, signUpFirstAdmin } from './account';
import { launchChromium } from './browser';
import { startServer, type E2eServer } from './server';

/** One server and one browser for a file's tests; each page gets a context of its own. */
export interface BrowserWorld {
  readonly server: E2eServer;
  newPage: () => Promise<{ context: BrowserContext; page: Page }>;
}

/** Starts the world before the file's tests and closes everything after them. */
export function useBrowserWorld(viewport: { width: number; height: number }): BrowserWorld {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.dispose();
  });
  return {
    get server() {
      return server!;
    },
    newPage: async () => {
      const context = await browser!.newContext({ viewport });
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
  };
}

/** Publishes a protocol as the signed-in page's user, straight through the sync API. */
export async function pushProtocol(page: Page, protocol: Protocol): Promise<void> {
  const clientId = crypto.randomUUID();
  const mutation = {
    mutationId: crypto.randomUUID(),
    clientId,
    clientSeq: 1,
    entity: 'protocol',
    entityId: protocolKey(protocol.id, protocol.version),
    op: 'put',
    baseRev: null,
    data: protocol,
    deviceTime: new Date().toISOString(),
  };
  const status = await page.evaluate(
    async (body) => {
      const res = await fetch('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return `${res.status} ${await res.text()}`;
    },
    JSON.stringify({ clientId, mutations: [mutation] }),
  );
  expect(status).toMatch(/^200 .*"applied"/);
}

/** The admin screen's invite link for a coach at the school. */
export async function inviteCoach(admin: Page, email: string): Promise<string> {
  await admin.getByRole('link', { name: 'Admin', exact: true }).click();
  await admin.getByLabel('Role').selectOption('coach');
  await admin.getByRole('textbox', { name: /^Email/ }).fill(email);
  await admin.getByRole('button', { name: 'Create invite link' }).click();
  await admin.locator('#invite-link').waitFor();
  return admin.locator('#invite-link').inputValue();
}

/** Joins from an invite link with a password, as the invited person would. */
export async function joinByLink(page: Page, link: string, name: string, email: string) {
  await page.goto(link);
  await page.getByRole('heading', { name: 'Join Lookfor' }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'My observations' }).waitFor();
}

/** A district admin with a school, and two coaches there who joined from their invites. */
export async function adminAndTwoCoaches(world: BrowserWorld) {
  const { page: admin } = await world.newPage();
  await signUpFirstAdmin(admin, world.server);
  await addSchool(admin);
  const link1 = await inviteCoach(admin, 'rivera@lincoln.example');
  const link2 = await inviteCoach(admin, 'kim@lincoln.example');
  const rivera = await world.newPage();
  await joinByLink(rivera.page, link1, 'Coach Rivera', 'rivera@lincoln.example');
  const kim = await world.newPage();
  await joinByLink(kim.page, link2, 'Coach Kim', 'kim@lincoln.example');
  return { admin, rivera, kim };
}
