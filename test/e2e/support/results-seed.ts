import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signUpFirstAdmin } from './account';
import type { E2eServer } from './server';

/**
 * Results seeded through the real sync push, as the signed-in district admin walks
 * them: a closed round of ten rooms and finished visits with answers and notes.
 */
export const PROTOCOL = { id: 'blast-empowered-learning', version: 1 };
export type Answer = 'seen' | 'not_seen' | 'na';

/** Every control a finger taps is at least 44 px each way (a radio counts by its label). */
export async function smallMainTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'main button, main a.button, main select, main input, main summary',
      ),
    ]
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const tapped = el.matches('[type=radio], [type=checkbox]')
          ? (el.closest('label') ?? el)
          : el;
        return { el, box: tapped.getBoundingClientRect() };
      })
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ el, box }) => `${el.textContent?.trim() || el.id} ${box.width}x${box.height}`),
  );
}

let seq = 0;
export function mutation(clientId: string, entity: string, data: { id: string }) {
  seq += 1;
  return {
    mutationId: crypto.randomUUID(),
    clientId,
    clientSeq: seq,
    entity,
    entityId: data.id,
    op: 'put',
    baseRev: null,
    data,
    deviceTime: new Date().toISOString(),
  };
}

export function roundOf(schoolId: string, userId: string, name: string, startsOn: string) {
  return {
    id: crypto.randomUUID(),
    schoolId,
    name,
    purpose: 'How often do students explain their thinking to a peer?',
    protocolId: PROTOCOL.id,
    protocolVersion: PROTOCOL.version,
    startsOn,
    endsOn: startsOn,
    targetMinutes: 5,
    // The district admin walks as a leader of every school; the team lists staff only.
    team: [],
    rooms: Array.from({ length: 10 }, (_, i) => ({
      id: `r${i + 1}`,
      room: `Room ${i + 1}`,
      gradeBand: '3-5',
      subject: 'Math',
      assignedTo: null,
    })),
    status: 'closed',
    createdBy: userId,
    updatedAt: `${startsOn}T07:00:00.000Z`,
  };
}

/** Finished visits of a round's rooms; every other room gets a note unless `notes` says. */
export function visits(
  round: ReturnType<typeof roundOf>,
  userId: string,
  answers: Array<Record<string, Answer>>,
  notes = (i: number) => (i % 2 === 0 ? `Partners compared strategies at table ${i + 1}.` : ''),
) {
  return answers.map((responses, i) => ({
    id: crypto.randomUUID(),
    protocolId: PROTOCOL.id,
    protocolVersion: PROTOCOL.version,
    observerId: userId,
    schoolId: round.schoolId,
    school: 'Lincoln Elementary',
    room: `Room ${i + 1}`,
    gradeBand: '3-5',
    subject: 'Math',
    observer: 'Dana Admin',
    roundId: round.id,
    roomId: `r${i + 1}`,
    startedAt: `${round.startsOn}T09:0${i}:00.000Z`,
    endedAt: `${round.startsOn}T09:0${i}:50.000Z`,
    responses,
    notes: notes(i),
    status: 'complete',
  }));
}

export const CLIENT = crypto.randomUUID();

export async function push(request: APIRequestContext, url: string, mutations: unknown[]) {
  const res = await request.post(`${url}/api/sync/push`, { data: { clientId: CLIENT, mutations } });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { results: Array<{ status: string }> };
  expect(
    body.results.map((r) => r.status),
    JSON.stringify(body.results),
  ).toEqual(mutations.map(() => 'applied'));
}

/**
 * Signs up the first district admin in a new context and adds Lincoln Elementary:
 * the admin's page, its API context, the school's id and the admin's user id.
 */
export async function adminWithSchool(browser: Browser, server: E2eServer) {
  const admin = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const adminPage = await admin.newPage();
  await signUpFirstAdmin(adminPage, server);
  const api = adminPage.request;
  const school = await api.post(`${server.url}/api/admin/schools`, {
    data: { name: 'Lincoln Elementary' },
  });
  const schoolId = ((await school.json()) as { id: string }).id;
  const { user: me } = (await (await api.get(`${server.url}/api/auth/me`)).json()) as {
    user: { id: string };
  };
  return { admin, adminPage, api, schoolId, me };
}
