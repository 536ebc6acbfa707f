import type { Page } from 'playwright-core';
import type { E2eServer } from './server';

export const ADMIN = {
  name: 'Dana Admin',
  email: 'dana@lincoln.example',
  password: 'correct horse battery',
};

/** Opens the one-time set-up link and creates the first district admin, signed in. */
export async function signUpFirstAdmin(page: Page, server: E2eServer): Promise<void> {
  if (!server.setupToken) throw new Error('the server printed no set-up link');
  await page.goto(`${server.url}/#/setup/${server.setupToken}`);
  // A person takes longer than a script to fill the form: let the first install finish.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel(/^Password/).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'My observations' }).waitFor();
}

/** The admin adds a school on the Admin screen, as a new district would first. */
export async function addSchool(page: Page, name = 'Lincoln Elementary'): Promise<void> {
  await page.getByRole('link', { name: 'Admin' }).click();
  await page.getByLabel('New school').fill(name);
  await page.getByRole('button', { name: 'Add school' }).click();
  await page.getByRole('listitem').filter({ hasText: name }).first().waitFor();
  await page.getByRole('link', { name: 'Observations' }).click();
  await page.getByRole('heading', { name: 'My observations' }).waitFor();
}

/** Sign out, Sign out everywhere and My data live in the account menu in the top bar. */
export async function openAccountMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.locator('#account-menu').waitFor();
}
