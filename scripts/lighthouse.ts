// `npm run lighthouse`: Lighthouse (from npm) with Debian's Chromium on the start,
// capture, results and visits screens, mobile and desktop, signed in to the demo
// district (`npm run lighthouse -- results visits` measures only those; with
// LIGHTHOUSE_REPORTS=dir each full report is kept there as JSON). Not part of
// `npm test` or CI: scores depend on the machine's load.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags } from 'lighthouse';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from './demo/people';
import { runDemo } from './demo/cli';
// @ts-expect-error: a plain ES module shared with `npm start`, without type declarations.
import { buildIfStale } from './build-if-stale.mjs';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/** The real server (`src/server/main.ts`) on a free port; resolves once it serves. */
async function startApp(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('serving on')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/**
 * Signs the principal in and opens an observation in the browser Lighthouse then
 * drives, so every screen is measured as a signed-in user sees it. Returns the
 * capture screen's hash.
 */
async function prepare(url: string, port: number): Promise<string> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = browser.contexts()[0]!.pages()[0] ?? (await browser.contexts()[0]!.newPage());
  await page.goto(url);
  await page.getByLabel('Email').fill('coach.lincoln@demo.lookfor.example');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My observations' }).waitFor();
  await page.getByText(/All synced/).waitFor({ timeout: 120_000 });
  await page.goto(`${url}/#/start`);
  await page.getByLabel('Room', { exact: true }).fill('214');
  await page.getByText('Grade 3-5', { exact: true }).click();
  await page.getByLabel('Subject').fill('Math');
  const observer = page.getByLabel('Observer (your name)');
  if ((await observer.inputValue()) === '') await observer.fill('Coach Lincoln');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('heading', { name: /Room 214/ }).waitFor();
  const hash = new URL(page.url()).hash;
  await browser.close();
  return hash;
}

async function main() {
  (buildIfStale as () => void)();
  const dataDir = mkdtempSync(join(tmpdir(), 'lookfor-lighthouse-'));
  const lines: string[] = [];
  const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
  if ((await runDemo([], { DATA_DIR: dataDir }, out)) !== 0) throw new Error(lines.join('\n'));
  const app = await startApp(dataDir);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const capture = await prepare(app.url, chrome.port);
    const all = { start: '#/start', capture, results: '#/results', visits: '#/visits' };
    // `npm run lighthouse -- results` measures only the screens named.
    const wanted = process.argv.slice(2);
    const screens = Object.fromEntries(
      Object.entries(all).filter(([name]) => wanted.length === 0 || wanted.includes(name)),
    );
    console.log(
      `Load average before: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      'screen   form     performance  accessibility  best-practices     FCP     LCP    TBT      CLS',
    );
    for (const [name, hash] of Object.entries(screens)) {
      for (const form of ['mobile', 'desktop'] as const) {
        const flags: Flags = {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          // Keep the signed-in session and the observation in IndexedDB.
          disableStorageReset: true,
        };
        const run = () =>
          lighthouse(`${app.url}/${hash}`, flags, form === 'desktop' ? desktopConfig : undefined);
        let result = await run();
        // A failed recording (NO_NAVSTART and the like) asks to be run again: twice more.
        for (let retry = 1; retry <= 2 && result?.lhr.runtimeError; retry++) {
          console.log(`  (${name} ${form}: ${result.lhr.runtimeError.code}; measuring again)`);
          result = await run();
        }
        const score = (id: (typeof CATEGORIES)[number]) => {
          const s = result?.lhr.categories[id]?.score;
          return s === null || s === undefined ? '–' : String(Math.round(s * 100));
        };
        // The metrics behind the performance score, so a low one says what was slow.
        const metric = (id: string, digits = 0) => {
          const value = result?.lhr.audits[id]?.numericValue;
          return value === undefined ? '–' : value.toFixed(digits);
        };
        console.log(
          `${name.padEnd(8)} ${form.padEnd(8)} ${score('performance').padStart(11)}  ${score('accessibility').padStart(13)}  ${score('best-practices').padStart(14)}` +
            `  ${metric('first-contentful-paint').padStart(6)}  ${metric('largest-contentful-paint').padStart(6)}  ${metric('total-blocking-time').padStart(5)}  ${metric('cumulative-layout-shift', 3).padStart(7)}`,
        );
        const reports = process.env.LIGHTHOUSE_REPORTS;
        if (reports && result)
          writeFileSync(join(reports, `${name}-${form}.json`), JSON.stringify(result.lhr));
        const problem = result?.lhr.runtimeError;
        if (problem)
          console.log(`  (Lighthouse could not measure: ${problem.code} ${problem.message})`);
      }
    }
    console.log(
      `Load average after: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    chrome.kill();
    app.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
