import { smtpSender } from '../../src/server/email/mailer';
import {
  startEmailWorker,
  type EmailWorker,
  type WorkerOptions,
} from '../../src/server/email/worker';
import { startAccountsServer, type AccountsServer } from './accounts';
import { startTestSmtp, type TestSmtp } from './smtp';

export const PUBLIC_URL = 'https://lookfor.district.example';

export interface MailWorld {
  server: AccountsServer;
  smtp: TestSmtp;
  /** The running worker; replaced by `restartWorker`. */
  worker: () => EmailWorker;
  startWorker: (options?: Partial<WorkerOptions>) => EmailWorker;
  stopWorker: () => Promise<void>;
  dispose: () => Promise<void>;
}

/**
 * The app with email on, a real SMTP server on a free port, and the outbox worker
 * sending to it through nodemailer, as `npm start` wires them with `SMTP_URL`.
 * Retries wait milliseconds instead of minutes so a test sees several of them.
 */
export async function startMailWorld(
  dialect: 'sqlite' | 'postgres',
  workerOptions: Partial<WorkerOptions> = {},
): Promise<MailWorld> {
  const smtp = await startTestSmtp();
  const sender = smtpSender(smtp.url, 'Lookfor <lookfor@district.example>', 'district.example');
  let current: EmailWorker | null = null;
  const server = await startAccountsServer(dialect, {
    mail: { publicUrl: PUBLIC_URL, queued: () => current?.wake() },
  });
  const startWorker = (options: Partial<WorkerOptions> = {}) => {
    current = startEmailWorker(server.db.db, {
      send: sender.send,
      pollMs: 25,
      baseDelayMs: 50,
      maxDelayMs: 200,
      log: () => undefined,
      ...workerOptions,
      ...options,
    });
    return current;
  };
  const stopWorker = async () => {
    const running = current;
    current = null;
    await running?.stop();
  };
  startWorker();
  return {
    server,
    smtp,
    startWorker,
    stopWorker,
    worker: () => {
      if (!current) throw new Error('the email worker is stopped');
      return current;
    },
    async dispose() {
      await stopWorker();
      sender.close();
      await smtp.stop();
      await server.db.dispose();
    },
  };
}

export async function outboxRows(server: AccountsServer) {
  return server.db.db.selectFrom('email_outbox').selectAll().orderBy('created_at').execute();
}
