// Builds the app when any of its sources is newer than dist/index.html.
// Used by `npm start` and by the browser suite, so neither serves a stale build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const inputs = [
  'src/client',
  'src/shared',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), 0);
}

export function buildIfStale() {
  const marker = join('dist', 'index.html');
  const builtAt =
    existsSync(marker) && existsSync(join('dist', 'sw.js')) ? statSync(marker).mtimeMs : 0;
  if (builtAt >= Math.max(...inputs.map(newestMtime))) return;
  console.log('Building the app…');
  // Always a production build: the browser suite runs under vitest, which sets
  // NODE_ENV=test, and a test-mode build carries the libraries' debug code.
  const build = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('npm run build failed');
}
