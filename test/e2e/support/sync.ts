import type { Page } from 'playwright-core';

/**
 * Waits for the sync chip to say "All synced". When it does not, the failure says what
 * the chip said instead (offline, a refusal, a retry time), so a red run explains itself.
 */
export async function waitForAllSynced(page: Page, timeout = 60_000): Promise<void> {
  const chip = page.getByTestId('sync-status');
  await chip
    .getByText(/All synced/)
    .waitFor({ timeout })
    .catch(async (error: unknown) => {
      const says = await chip.innerText().catch(() => '(no sync chip)');
      const details = await page
        .locator('#sync-details')
        .innerText()
        .catch(() => '');
      throw new Error(
        `Not synced after ${timeout / 1000} s; the sync chip says "${says}" ${details}`,
        {
          cause: error,
        },
      );
    });
}
