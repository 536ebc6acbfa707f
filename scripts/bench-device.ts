// `npm run bench:device`: the device at scale, in Chromium against the built app
// served by the real server (SQLite in a temp dir, its own process). For each number
// of stored observations (default 10 and 10,000, pushed to the server first): a
// fresh browser context signs in through the form and the sync pulls them all (timed
// until the stored pull cursor reaches the server's end), then the observations list
// is loaded (navigation start to first row visible), then taps on the capture screen
// and on the round walking screen are timed to their IndexedDB commit, and the page's
// JS heap is read. Figures only; nothing asserts.
//
//   BENCH_DEVICE_SIZES=10,10000 BENCH_TAPS=40 npm run bench:device
// @ts-expect-error: a plain ES module shared with `npm start`, without type declarations.
import { buildIfStale } from './build-if-stale.mjs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { databaseNameFor } from '../src/client/data/account';
import { insertUser } from '../src/server/auth/repository';
import { hashPassword } from '../src/server/auth/password';
import type { Round } from '../src/shared/rounds';
import type { Mutation } from '../src/shared/sync';
import { launchChromium } from './bench/chromium';
import {
  START_NEXT_ROOM,
  heapMb,
  installCommitHook,
  listReadyMs,
  storedCursor,
  tapToCommit,
} from './bench/device-page';
import { intFrom, machineLoad, sizesFrom } from './bench/env';
import { pullToEnd, push } from './bench/http';
import { BENCH_SCHOOL_ID, BENCH_USER_ID, benchProtocol, makeMutations } from './bench/observations';
import { startChildServer } from './bench/server';
import { fmtMs, p50p95 } from './bench/stats';
import { freshDb } from './bench/store';
import { benchCookie } from './bench/users';
import type { Page } from 'playwright-core';

const sizes = sizesFrom('BENCH_DEVICE_SIZES', [10, 10_000]);
const taps = intFrom('BENCH_TAPS', 40);
const EMAIL = 'bench@lookfor.test';
const PASSWORD = 'bench walk password';

(buildIfStale as () => void)();
const distDir = join(import.meta.dirname, '..', 'dist');

function benchRound(): Round {
  const today = new Date().toISOString().slice(0, 10);
  return {
    id: crypto.randomUUID(),
    schoolId: BENCH_SCHOOL_ID,
    name: 'Bench round',
    purpose: '',
    protocolId: benchProtocol.id,
    protocolVersion: benchProtocol.version,
    startsOn: today,
    endsOn: today,
    targetMinutes: 5,
    team: [{ userId: BENCH_USER_ID, name: 'Coach Rivera' }],
    rooms: Array.from({ length: 40 }, (_, i) => ({
      id: `room-${i + 1}`,
      room: `${100 + i}`,
      gradeBand: '3-5' as const,
      subject: 'Math',
      assignedTo: BENCH_USER_ID,
    })),
    status: 'planned',
    createdBy: BENCH_USER_ID,
    updatedAt: new Date().toISOString(),
  };
}

/** Taps `taps` answer buttons one by one at a person's pace; returns the times that committed. */
async function tapRun(page: Page): Promise<{ took: number[]; missed: number }> {
  const took: number[] = [];
  let missed = 0;
  for (let k = 0; k < taps; k += 1) {
    const ms = await tapToCommit(page, k);
    if (ms === null) missed += 1;
    else took.push(ms);
    await page.waitForTimeout(150);
  }
  return { took, missed };
}

const browser = await launchChromium();
console.log(`Device at scale — ${machineLoad()}`);
try {
  for (const size of sizes) {
    const db = await freshDb('sqlite');
    await insertUser(db.handle.db, {
      id: BENCH_USER_ID,
      email: EMAIL,
      name: 'Coach Rivera',
      passwordHash: await hashPassword(PASSWORD),
      districtAdmin: false,
      createdAt: new Date().toISOString(),
    });
    const cookie = await benchCookie(db.handle.db);
    const server = await startChildServer(db.config, distDir);
    const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    try {
      // The server's copy: observations of this user, pushed in batches of 1,000, and a round.
      const clientId = crypto.randomUUID();
      for (let sent = 0; sent < size; sent += 1000) {
        const mutations = makeMutations(clientId, Math.min(1000, size - sent), {
          firstSeq: sent + 1,
        });
        const answer = await push(server.url, cookie, clientId, mutations);
        if (!answer.body) throw new Error(`seeding push answered ${answer.status}`);
      }
      const round = benchRound();
      const roundPut: Mutation = {
        mutationId: crypto.randomUUID(),
        clientId,
        clientSeq: size + 1,
        entity: 'round',
        entityId: round.id,
        op: 'put',
        baseRev: null,
        data: round,
        deviceTime: round.updatedAt,
      };
      const roundAnswer = await push(server.url, cookie, clientId, [roundPut]);
      if (roundAnswer.body?.results[0]?.status !== 'applied')
        throw new Error(`the round was not applied: ${JSON.stringify(roundAnswer.body)}`);
      const end = await pullToEnd(server.url, cookie, 0);

      // A fresh sign-in on a new device: the form, then the first sync pulls everything.
      const page = await context.newPage();
      await installCommitHook(page);
      await page.goto(`${server.url}/#/signin`);
      await page.getByLabel('Email').fill(EMAIL);
      await page.getByLabel('Password').fill(PASSWORD);
      const start = performance.now();
      await page.getByRole('button', { name: 'Sign in' }).click();
      const dbName = databaseNameFor(BENCH_USER_ID);
      let cursor = 0;
      while (cursor < end && performance.now() - start < 600_000) {
        await page.waitForTimeout(50);
        // The sign-in reloads the page: a read during the navigation is simply retried.
        cursor = await storedCursor(page, dbName).catch(() => cursor);
      }
      const pulled = performance.now() - start;
      console.log(
        `${size} observations stored: fresh sign-in until the pull cursor reached ${cursor}/${end}: ${fmtMs(pulled)}; JS heap ${(await heapMb(page)).toFixed(1)} MB`,
      );

      const listReady = await listReadyMs(page, `${server.url}/#/`);
      console.log(
        `  observations list ready (navigation to first row visible): ${fmtMs(listReady)}`,
      );
      console.log(`  JS heap with the list shown: ${(await heapMb(page)).toFixed(1)} MB`);

      // Capture screen: a new observation through the start form, then taps.
      await page.goto(`${server.url}/#/start`);
      const blast = page.locator(`input[name=protocol][value="${benchProtocol.id}"]`);
      if (await blast.count()) await blast.check({ force: true });
      await page.locator('#field-schoolId').selectOption(BENCH_SCHOOL_ID);
      await page.locator('#field-room').fill('114');
      await page.locator('input[name=gradeBand][value="3-5"]').check({ force: true });
      await page.locator('#field-subject').fill('Math');
      await page.locator('#field-observer').fill('Coach Rivera');
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.locator('section.capture .segmented button.answer').first().waitFor();
      const capture = await tapRun(page);
      console.log(
        `  capture screen tap to IndexedDB commit: ${p50p95(capture.took)}${capture.missed ? `, ${capture.missed} taps with no commit in 10 s` : ''}`,
      );

      // Round walking screen: start the next room's visit, then taps.
      await page.goto(`${server.url}/#/rounds/${round.id}`);
      await page.locator(START_NEXT_ROOM).first().click();
      await page.locator('section.visit .segmented button.answer').first().waitFor();
      const walk = await tapRun(page);
      console.log(
        `  round walking screen tap to IndexedDB commit: ${p50p95(walk.took)}${walk.missed ? `, ${walk.missed} taps with no commit in 10 s` : ''}`,
      );
      console.log(`  JS heap after the taps: ${(await heapMb(page)).toFixed(1)} MB`);
    } finally {
      await context.close();
      await server.stop();
      await db.dispose();
    }
  }
} finally {
  await browser.close();
}
