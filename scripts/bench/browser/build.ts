// Builds a bench page (the app's modules and PouchDB) with Vite into a temporary folder.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

/** Returns the folder to serve at /bench/ (it holds `<page>.html` and its assets). */
export async function buildBenchPage(page: string): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'lookfor-bench-page-')), 'bench');
  await build({
    configFile: false,
    root: import.meta.dirname,
    base: '/bench/',
    logLevel: 'warn',
    define: { global: 'globalThis' },
    // PouchDB's browser build expects a bundler to supply Node's EventEmitter.
    resolve: { alias: { events: createRequire(import.meta.url).resolve('events/') } },
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: join(import.meta.dirname, `${page}.html`) },
    },
  });
  return outDir;
}
