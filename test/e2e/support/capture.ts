import type { Page } from 'playwright-core';

export interface CaptureInput {
  school: string;
  room: string;
  grade: string;
  subject: string;
  observer: string;
  answers: Array<{ lookFor: string; answer: 'Seen' | 'Not seen' | 'N/A' }>;
  notes: string;
  /** Leave it as a draft ("Save and leave") instead of finishing. */
  draft?: boolean;
}

/** Captures one observation through the UI, the way a coach would. */
export async function captureObservation(page: Page, input: CaptureInput): Promise<void> {
  await page.getByRole('link', { name: 'Start an observation' }).click();
  await page.getByLabel('School').selectOption({ label: input.school });
  await page.getByLabel('Room', { exact: true }).fill(input.room);
  await page.getByText(input.grade, { exact: true }).click();
  await page.getByLabel('Subject').fill(input.subject);
  await page.getByLabel('Observer (your name)').fill(input.observer);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('heading', { name: new RegExp(`Room ${input.room}`) }).waitFor();
  for (const { lookFor, answer } of input.answers) {
    await page
      .getByRole('group', { name: lookFor })
      .getByRole('button', { name: answer, exact: true })
      .click();
  }
  await page.getByLabel('Low-inference notes').fill(input.notes);
  if (input.draft) await page.getByRole('link', { name: 'Save and leave' }).click();
  else await page.getByRole('button', { name: 'Finish observation' }).click();
  await page.getByRole('heading', { name: 'My observations' }).waitFor();
}
