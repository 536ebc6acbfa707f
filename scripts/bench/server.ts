// Starting app servers on free loopback ports: in a child process (load, ingest,
// dashboard) or in this one beside other handlers (the browser benchmarks).
import { fork } from 'node:child_process';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { DbConfig } from '../../src/server/db/connect';

export interface ChildServer {
  url: string;
  /** Stops the process and returns its peak resident memory. */
  stop: () => Promise<{ maxRssKb: number }>;
}

export async function startChildServer(config: DbConfig, distDir?: string): Promise<ChildServer> {
  const child = fork(
    join(import.meta.dirname, 'server-child.ts'),
    [JSON.stringify(config), ...(distDir ? [distDir] : [])],
    { execArgv: ['--import', 'tsx'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
  let stopped: Promise<{ maxRssKb: number }> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    // Once only: a second call gets the first answer.
    stop: () =>
      (stopped ??= new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('message', (m) => resolve(m as { maxRssKb: number }));
        child.send('stop');
      })),
  };
}

export interface Listening {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/** A plain Node HTTP server on a free loopback port. */
export async function listen(handler: RequestListener): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
