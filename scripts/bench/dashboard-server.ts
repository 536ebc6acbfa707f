// The server under test, in its own process so its peak memory is its own.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app';
import { connectDb } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';

const handle = connectDb({ dataDir: process.argv[2]! });
await migrateToLatest(handle.db);
const server = serve({ fetch: createApp({ db: handle.db }).fetch, port: 0, hostname: '127.0.0.1' });
server.once('listening', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('message', (message) => {
  if (message !== 'stop') return;
  process.send?.({ maxRssKb: process.resourceUsage().maxRSS }, () => {
    server.close();
    void handle.close().then(() => process.exit(0));
  });
});
