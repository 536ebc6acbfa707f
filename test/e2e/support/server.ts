import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export async function freePort(): Promise<number> {
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

export interface E2eServer {
  url: string;
  dataDir: string;
  /** The one-time set-up link's token `npm start` printed on the empty database. */
  setupToken: string | null;
  /** Stops the process: the truest way to cut the network, service worker included. */
  stop: () => Promise<void>;
  /** Starts again on the same port with the same data. */
  start: () => Promise<void>;
  /** Reads the server's own database file. */
  query: <T>(sql: string) => T[];
  dispose: () => Promise<void>;
}

/** The real server, built app included, on a free port with a temporary data directory. */
export async function startServer(
  options: {
    distDir?: string;
    /** More environment, given the server's own URL (single sign-on needs it as PUBLIC_URL). */
    env?: (url: string) => Record<string, string>;
  } = {},
): Promise<E2eServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lookfor-e2e-'));
  let child: ChildProcess | null = null;
  let setupToken: string | null = null;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      // The suite's global set-up bundles the server once; without it, tsx compiles it.
      const bundled = process.env.LOOKFOR_E2E_SERVER;
      const entry = bundled ? [bundled] : ['--import', 'tsx', 'src/server/main.ts'];
      const proc = spawn(process.execPath, entry, {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          DIST_DIR: options.distDir ?? 'dist',
          ...options.env?.(`http://127.0.0.1:${port}`),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      let output = '';
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const link = /#\/setup\/([A-Za-z0-9_-]+)/.exec(output);
        if (link?.[1]) setupToken = link[1];
        if (output.includes('serving on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        if (!output.includes('serving on')) reject(new Error(`server exited ${code}:\n${output}`));
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const proc = child;
      child = null;
      if (!proc || proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
      setTimeout(() => proc.kill('SIGKILL'), 5_000).unref();
    });

  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    get setupToken() {
      return setupToken;
    },
    stop,
    start,
    query: <T>(sql: string) => {
      const db = new Database(join(dataDir, 'lookfor.sqlite'), { readonly: true });
      try {
        return db.prepare(sql).all() as T[];
      } finally {
        db.close();
      }
    },
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
