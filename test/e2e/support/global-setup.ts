import { join } from 'node:path';
import { buildSync } from 'esbuild';
// @ts-expect-error: a plain ES module shared with `npm start`, without type declarations.
import { buildIfStale } from '../../../scripts/build-if-stale.mjs';

/**
 * The browser suite runs against the built app; build it when it is missing or stale.
 * The server is bundled once (the same esbuild transform tsx applies file by file), so
 * each of the suite's three dozen server starts skips compiling it: about 0.6 s each.
 */
export default function setup(): void {
  (buildIfStale as () => void)();
  // Under node_modules, so the bundle's packages resolve from the project's own.
  const outfile = join('node_modules', '.cache', 'lookfor-e2e', 'server.mjs');
  buildSync({
    entryPoints: ['src/server/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  process.env.LOOKFOR_E2E_SERVER = join(process.cwd(), outfile);
}
