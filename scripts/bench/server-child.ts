// An app server in its own process (its own event loop and memory): argv[2] is the
// JSON DbConfig of an already migrated database, argv[3] an optional built client.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app';
import { connectDb, type DbConfig } from '../../src/server/db/connect';

const config = JSON.parse(process.argv[2]!) as DbConfig;
const distDir = process.argv[3];
const handle = connectDb(config);
const app = createApp({ db: handle.db, log: () => undefined, ...(distDir ? { distDir } : {}) });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
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
