import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The browser suite runs against the built app; build it once if it is missing. */
export default function setup(): void {
  if (existsSync('dist/index.html') && existsSync('dist/sw.js')) return;
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}
