import { serve } from '@hono/node-server';
import { createApp } from './app';
import { setupTokenIfEmpty } from './auth/first-run';
import { readConfig } from './config';
import { connectDb } from './db/connect';
import { migrateToLatest } from './db/migrate';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const handle = connectDb(config);
  const applied = await migrateToLatest(handle.db, { schema: handle.schema });
  for (const name of applied) console.log(`migrated: ${name}`);

  const app = createApp({
    db: handle.db,
    readDb: handle.readDb,
    distDir: config.distDir,
    suppressBelow: config.suppressBelow,
  });
  const setupToken = await setupTokenIfEmpty(handle.db, new Date());
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    if (setupToken) {
      console.log(
        `No accounts yet. Create the first district admin (this link works once):\n  http://localhost:${info.port}/#/setup/${setupToken}`,
      );
    }
    console.log(`Lookfor is serving on http://localhost:${info.port} (${handle.describe})`);
  });

  const stop = () => {
    server.close(() => {
      void handle.close().then(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
