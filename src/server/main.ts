import { serve } from '@hono/node-server';
import { createApp } from './app';
import { setupTokenIfEmpty } from './auth/first-run';
import { readConfig } from './config';
import { connectDb } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { smtpSender } from './email/mailer';
import { startEmailWorker, type EmailWorker } from './email/worker';
import { startPhotoCleanup } from './photos/cleanup';
import { databaseStore, fileStore } from './photos/store';
import { startRetention } from './retention/job';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const handle = connectDb(config);
  const applied = await migrateToLatest(handle.db, { schema: handle.schema });
  for (const name of applied) console.log(`migrated: ${name}`);

  // With SMTP_URL, invites and resets are queued in the outbox and sent from here;
  // without it nothing is queued and the admin screens show links to copy.
  let worker: EmailWorker | null = null;
  let sender: ReturnType<typeof smtpSender> | null = null;
  if (config.mail) {
    sender = smtpSender(
      config.mail.smtpUrl,
      config.mail.from,
      new URL(config.mail.publicUrl).hostname,
    );
    worker = startEmailWorker(handle.db, { send: sender.send });
  }
  const photoStore =
    config.photoStore === 'database' ? databaseStore() : fileStore(config.photoDir);
  const photoCleanup = startPhotoCleanup(handle.db, photoStore, (message, error) =>
    console.error(message, error),
  );
  const retention = startRetention(handle.db, photoStore, (message, error) =>
    console.error(message, error),
  );
  const app = createApp({
    photoStore,
    db: handle.db,
    readDb: handle.readDb,
    distDir: config.distDir,
    suppressBelow: config.suppressBelow,
    ...(config.sso ? { sso: config.sso } : {}),
    ...(config.mail && worker
      ? { mail: { publicUrl: config.mail.publicUrl, queued: worker.wake } }
      : {}),
  });
  const setupToken = await setupTokenIfEmpty(handle.db, new Date());
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    if (setupToken) {
      console.log(
        `No accounts yet. Create the first district admin (this link works once):\n  http://localhost:${info.port}/#/setup/${setupToken}`,
      );
    }
    console.log(`Lookfor is serving on http://localhost:${info.port} (${handle.describe})`);
    console.log(
      config.mail ? `Email is on, from ${config.mail.from}` : 'Email is off (no SMTP_URL)',
    );
  });

  const stop = () => {
    photoCleanup.stop();
    retention.stop();
    server.close(() => {
      void (worker?.stop() ?? Promise.resolve())
        .then(() => sender?.close())
        .then(() => handle.close())
        .then(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
